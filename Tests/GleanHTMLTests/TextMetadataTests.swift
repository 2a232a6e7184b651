import Testing
@testable import GleanHTML

struct TextCase: Sendable, CustomStringConvertible {
    let name: String
    let text: String
    let title: String?
    let published: String?
    let language: String?
    var description: String { name }
}

/// Openings of the seed samples (first lines inlined), with what the plain-text rules must read from them.
@Suite struct TextMetadataTests {
    static let cases: [TextCase] = [
        TextCase(
            name: "000 starts mid-article: no title, no date",
            text: "Attending the conference, on Lao Cai province's side, there were comrades: Dang Xuan Phong, member of the Party Central Committee, Secretary of the Provincial Party Committee, Head of the Provincial National Assembly Delegation; Trinh Xuan Truong, Deputy Secretary of the Provincial Party Committee, Chairman of the Provincial People's Committee; leaders of departments, branches, sectors, and armed forces in the province.\nIn 2024, the Standing Committee of the Provincial Public Security Party Committee closely followed the direction of the Central Public Security Party Committee.\n",
            title: nil, published: nil, language: "en"),
        TextCase(
            name: "001 headline then a time-and-date line",
            text: "Build Lao Cai province to develop rapidly, comprehensively, firmly, increasingly rich, beautiful, civilized and modern\n\n15:28 - 14/06/2024\n\nOn the morning of February 22, 2024, the working delegation of the Central Public Security Party Committee (CATW), Ministry of Public Security was led by General To Lam.\n",
            title: "Build Lao Cai province to develop rapidly, comprehensively, firmly, increasingly rich, beautiful, civilized and modern",
            published: "2024-06-14T15:28", language: "en"),
        TextCase(
            name: "003 French, mid-article",
            text: "La délégation de travail comprenait des représentants des départements professionnels du ministère de la Sécurité publique .\nDu côté de la province de Lao Cai , étaient présents à la réunion le colonel Cao Minh Huyen, membre du Comité permanent du Comité provincial du Parti.\n",
            title: nil, published: nil, language: "fr"),
        TextCase(
            name: "004 dateline, then the headline",
            text: "Friday,  09/20/2024\n\nThe 17th Party Congress of the Provincial Public Security\n\n(LSO) – On August 13, the Party Committee of the Provincial Public Security held the 17th congress, term 2020-2025.\n",
            title: "The 17th Party Congress of the Provincial Public Security", published: "2024-09-20", language: "en"),
        TextCase(
            name: "002 Arabic, mid-article",
            text: "وحضر المؤتمر نيابة عن مقاطعة لاو كاي الرفاق: دانج شوان فونج، عضو اللجنة المركزية للحزب، أمين اللجنة الحزبية الإقليمية، رئيس وفد الجمعية الوطنية الإقليمية.\nفي عام 2024، اتبعت اللجنة الدائمة للجنة الحزب للأمن العام الإقليمي عن كثب توجيهات لجنة الحزب.\n",
            title: nil, published: nil, language: "ar"),
        TextCase(
            name: "a short first line followed by text is not a title",
            text: "Attending were:\nMr. A and Mr. B, who spoke about the plan for the year.\n",
            title: nil, published: nil, language: "en"),
    ]

    @Test(arguments: cases)
    func readsOpening(_ c: TextCase) {
        let m = TextMetadata.extract(c.text)
        #expect(m.title == c.title)
        #expect(m.published == c.published)
        #expect(m.language == c.language)
    }
}
