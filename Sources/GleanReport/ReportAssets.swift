/// The report's inline style sheet and script: no network, no CDN, nothing but this file.
enum ReportAssets {
    /// Background colours of each known fact kind's marks and bars (dark text on all of them
    /// passes WCAG AA contrast); other kinds get `other`.
    static let kindColours: [(kind: String, colour: String)] = [
        ("people", "#ffd166"), ("metrics", "#9ad1f5"), ("dates", "#a8e6a3"),
        ("references", "#f4b6da"), ("organizations", "#ffbf8f"), ("places", "#cdb8ff"),
    ]
    static let otherColour = "#d9d9d9"

    static func css(kinds: [String]) -> String {
        var css = """
        :root{color-scheme:light;--ink:#1b1f24;--muted:#4a5360;--line:#d0d5db;--panel:#f5f7f9;--accent:#0b5cad;--bad:#a40e26}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","DejaVu Sans",sans-serif;color:var(--ink);background:#fff}
        a{color:var(--accent)}
        .skip{position:absolute;left:-999px;top:0;background:#fff;padding:6px}
        .skip:focus{left:8px;z-index:20}
        header,main{max-width:1180px;margin:0 auto;padding:0 20px}
        header{padding-top:18px;border-bottom:1px solid var(--line)}
        h1{font-size:1.6em;margin:0 0 4px}
        h2{font-size:1.25em;margin:28px 0 10px;padding-top:6px;border-top:1px solid var(--line)}
        h3{font-size:1.05em;margin:18px 0 6px}
        nav ul{list-style:none;padding:0;margin:8px 0 12px;display:flex;flex-wrap:wrap;gap:6px 16px}
        .meta{color:var(--muted);margin:0 0 10px}
        dl.summary{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px;margin:0}
        dl.summary div{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:8px 12px}
        dl.summary dt{color:var(--muted);font-size:.85em}
        dl.summary dd{margin:0;font-size:1.35em;font-weight:600}
        table{border-collapse:collapse;margin:6px 0 12px;font-size:.92em}
        th,td{border-bottom:1px solid var(--line);padding:4px 10px;text-align:start;vertical-align:top}
        th{background:var(--panel)}
        td.num,th.num{text-align:end;font-variant-numeric:tabular-nums}
        .share{display:inline-block;width:120px;height:10px;background:#e8ebef;border:1px solid #b8c0c9;vertical-align:middle;margin-inline-end:6px}
        .share span{display:block;height:100%;background:#5b6b7c}
        .scroll{overflow-x:auto}
        svg text{font:12px system-ui,"DejaVu Sans",sans-serif;fill:var(--ink)}
        svg .group{font-weight:600}
        .graph,.chart{max-width:100%;height:auto}
        .graph rect{fill:#eef4fb;stroke:#4f6f91;stroke-width:1.2}
        .graph .has-rejects rect{stroke:var(--bad);stroke-width:2}
        .graph .stage-id{font-weight:700;font-size:13px}
        .graph .stage-use{fill:var(--muted)}
        .graph .edge{fill:none;stroke:#4f6f91;stroke-width:1.4}
        .graph .arrowhead{fill:#4f6f91}
        .bar{fill:#7d93ab}
        .bar.time{fill:#7d93ab}
        .bad{color:var(--bad)}
        details{margin:4px 0}
        summary{cursor:pointer}
        .note{background:#fff6d6;border:1px solid #e6c75a;border-radius:6px;padding:8px 12px}
        .controls{display:flex;flex-wrap:wrap;gap:8px 18px;align-items:center;margin:8px 0}
        .controls fieldset{border:1px solid var(--line);border-radius:6px;padding:4px 10px;margin:0}
        .controls legend{font-size:.85em;color:var(--muted)}
        .controls label{margin-inline-end:10px;white-space:nowrap}
        button,select,input{font:inherit}
        select{max-width:min(520px,100%)}
        article.doc{border:1px solid var(--line);border-radius:6px;padding:4px 18px 10px;margin-top:8px}
        article.doc p{margin:.6em 0;white-space:pre-wrap}
        article.doc[dir=rtl]{font-size:1.08em}
        mark.f{position:relative;color:inherit;border-radius:3px;padding:0 1px;border-bottom:2px solid rgba(0,0,0,.35)}
        mark.f:focus{outline:2px solid var(--accent);outline-offset:1px}
        mark.f:is(:hover,:focus):not(:has(mark.f:is(:hover,:focus)))::after{content:attr(data-value);position:absolute;inset-inline-start:0;top:100%;z-index:10;background:#1b1f24;color:#fff;padding:4px 8px;border-radius:4px;font-size:.82rem;line-height:1.35;width:max-content;max-width:30em;white-space:normal;font-weight:400}
        .swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:-1px;margin-inline-end:4px;border:1px solid rgba(0,0,0,.3)}

        """
        for kind in kinds {
            let colour = colourOf(kind)
            let c = cssName(kind)
            css += "mark.f-\(c),.bar.f-\(c),.swatch.f-\(c){background:\(colour);fill:\(colour)}\n"
            css += "#browser.hide-\(c) mark.f-\(c){background:none;border-bottom-color:transparent}\n"
        }
        return css
    }

    static func colourOf(_ kind: String) -> String {
        kindColours.first { $0.kind == kind }?.colour ?? otherColour
    }

    /// A kind's name as a CSS class fragment: letters, digits, '-' and '_' kept, others '_'.
    static func cssName(_ kind: String) -> String {
        String(kind.unicodeScalars.map { s -> Character in
            (s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-" || s == "_")) ? Character(s) : "_"
        })
    }

    static let script = """
    (function(){
      var select=document.getElementById('doc-select');
      if(!select){return;}
      var docs=document.querySelectorAll('article.doc');
      var browser=document.getElementById('browser');
      function show(i){
        if(i<0||i>=docs.length){return;}
        for(var j=0;j<docs.length;j++){docs[j].hidden=(j!==i);}
        select.selectedIndex=i;
      }
      function step(d){
        var i=select.selectedIndex+d;
        while(i>=0&&i<docs.length&&select.options[i].hidden){i+=d;}
        show(i);
      }
      select.addEventListener('change',function(){show(select.selectedIndex);});
      document.getElementById('doc-prev').addEventListener('click',function(){step(-1);});
      document.getElementById('doc-next').addEventListener('click',function(){step(1);});
      var filter=document.getElementById('doc-filter');
      filter.addEventListener('input',function(){
        var q=filter.value.toLowerCase();
        for(var i=0;i<select.options.length;i++){
          var o=select.options[i];
          o.hidden=q!==''&&o.text.toLowerCase().indexOf(q)<0;
        }
      });
      var boxes=document.querySelectorAll('input[data-kind]');
      for(var k=0;k<boxes.length;k++){
        boxes[k].addEventListener('change',function(e){
          browser.classList.toggle('hide-'+e.target.getAttribute('data-kind'),!e.target.checked);
        });
      }
    })();
    """
}
