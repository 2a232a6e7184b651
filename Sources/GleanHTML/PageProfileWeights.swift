// Written by Tools/train/train_profile.py (make train) from the dev share of wcxb-devsplit: do not edit.
// A logistic model over standardised PageFeatures; a positive margin picks the spread profile
// (the bias includes the decision threshold 0.5, chosen on cross-validated dev margins).
// Features: ln_body_text, ln_article_text, article_share, body_link_density, article_link_density, ln_body_articles, ln_body_li, ln_body_p, ln_article_p, ln_body_img, ln_body_pre, ln_body_headings, ln_article_headings, ld_product, ld_article, ld_forum, ld_list, has_published, ln_roots, kept_share, ln_body_inputs, body_comma_rate, ln_body_td, ln_body_dt, p_text_share, extra_link_density, ln_extra_text, extra_p_share, article_p_share, ln_article_commas.
enum PageProfileWeights {
    static let bias: Float = -0.34089
    static let means: [Float] = [8.30002, 8.05522, 0.838857, 0.13534, 0.0913081, 0.486812, 2.14873, 3.00575, 2.82332, 2.84673, 0.170016, 2.20064, 1.90318, 0.0944171, 0.471264, 0.0722496, 0.0279146, 0.410509, 0.751649, 0.65332, 1.77301, 0.175508, 0.508372, 0.0903603, 0.583583, 0.348503, 4.31953, 0.181157, 0.621912, 3.58053]
    static let scales: [Float] = [2.05721, 2.1701, 0.290035, 0.20207, 0.172716, 0.819356, 1.66766, 1.43218, 1.50792, 1.23488, 0.652268, 1.28783, 1.34469, 0.292408, 0.499174, 0.258901, 0.164728, 0.491926, 0.174022, 0.286149, 1.35413, 0.0945374, 1.33238, 0.514319, 0.3242, 0.35498, 2.80648, 0.287737, 0.337279, 1.63615]
    static let weights: [Float] = [0.770562, -0.814954, -0.4168, -0.342256, 0.872505, 0.176152, 0.0814046, 0.35465, -0.3541, 0.242219, 0.322074, 0.0923691, -0.126599, -0.192741, -0.571305, 0.0471272, -0.0531284, -0.340257, 0.113429, -0.207219, -0.319356, 0.192986, -0.0904169, -0.125937, 0.0286456, -0.233784, -0.389513, -0.157275, -0.109807, -0.465841]
}
