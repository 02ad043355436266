//! HTML output: one self-contained page (inline CSS, a few lines of inline
//! JavaScript, no external assets) for an editor: a summary bar whose count
//! chips filter by verdict, the findings (contradicted, then unsupported)
//! with their reasons and references, each linking to its claim, then each
//! article's text with every claim highlighted by verdict and, on hover,
//! focus or tap (and always when printed), its verdict, reason and
//! reference. A claim's anchor is its id (`report.html#article-a-3`); `n`
//! and `p` move from finding to finding.
//!
//! The renderer is pure: it takes the report and a map from article name to
//! source text ([`Sources`]) that the caller has read. An article missing
//! from the map (a claims CSV, an unreadable file) is shown as a list of its
//! claims instead. Every piece of article and table text is HTML-escaped, and
//! a reference source becomes a link only when it is an `http(s)://` URL.
//!
//! [`locate`] maps a claim back to its byte range in the source text; the
//! SARIF renderer uses it too, for exact regions.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

use crate::check::{Checked, Report};
use crate::verdict::Verdict;

/// Article source texts by article name (the `article` field of the claims).
pub type Sources = BTreeMap<String, String>;

/// How many source words may separate two consecutive words of a claim
/// (markup such as a link target sits between them in Markdown).
const MAX_SKIPPED_WORDS: usize = 24;

/// Escapes text for HTML element content and quoted attribute values.
///
/// # Example
///
/// ```
/// assert_eq!(
///     factcheck::report::escape_html(r#"<a href="x">'&'</a>"#),
///     "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
/// );
/// ```
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// True when a reference source is a web address (`http://` or `https://`).
pub fn is_web_url(source: &str) -> bool {
    let s = source.trim().as_bytes();
    let starts = |p: &str| s.len() > p.len() && s[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    starts("http://") || starts("https://")
}

/// Percent-encodes the characters of a URL that are never valid in one
/// (spaces, controls, quotes, angle brackets and the like), so that it is
/// safe in an attribute or a URI field. Other characters are kept.
pub(crate) fn clean_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        if c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&()*+,;=%".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// Finds a claim in its article's source text: the byte range from its
/// 1-based `line` and `column` (in characters) to the end of the claim.
///
/// The claim text has its markup removed, so the end is found by matching
/// the claim's words in order from the start, skipping Markdown markup and
/// whitespace differences; a final full stop after closing markup is
/// included. When too few words match, the range runs to the end of the
/// sentence or line. `None` when the position is unknown (0) or outside the
/// text.
///
/// # Example
///
/// ```
/// use factcheck::report::locate;
/// let src = "# T\n\nIt is in [Paris](https://x.org/p). Next.\n";
/// let r = locate(src, 3, 1, "It is in Paris.").unwrap();
/// assert_eq!(&src[r], "It is in [Paris](https://x.org/p).");
/// ```
pub fn locate(source: &str, line: usize, column: usize, text: &str) -> Option<Range<usize>> {
    let start = offset_of(source, line, column)?;
    let rest = &source[start..];
    let wanted: Vec<String> = words(text).map(|(_, w)| w.to_lowercase()).collect();
    let found: Vec<(usize, &str)> = words(rest).collect();
    let mut at = 0;
    let mut matched = 0;
    let mut end = None;
    for w in &wanted {
        let window = found.iter().enumerate().skip(at).take(MAX_SKIPPED_WORDS + 1);
        if let Some((i, (pos, word))) = window
            .into_iter()
            .find(|(_, (_, word))| word.to_lowercase() == *w)
        {
            at = i + 1;
            matched += 1;
            end = Some(pos + word.len());
        }
    }
    let end = match end {
        Some(end) if matched * 2 >= wanted.len() => extend_over_tail(rest, end, text),
        _ => sentence_end(rest),
    };
    Some(
        start
            ..start
                + end
                    .max(rest.chars().next().map_or(0, char::len_utf8))
                    .min(rest.len()),
    )
}

/// Byte offset of a 1-based line and character column.
fn offset_of(source: &str, line: usize, column: usize) -> Option<usize> {
    if line == 0 {
        return None;
    }
    let mut line_start = 0;
    for _ in 1..line {
        line_start += source[line_start..].find('\n')? + 1;
    }
    let line_text = source[line_start..].split('\n').next().unwrap_or("");
    let skip = column.saturating_sub(1);
    let (i, _) = line_text.char_indices().nth(skip)?;
    Some(line_start + i)
}

/// Runs of letters and digits with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut iter = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = iter.peek() {
            if c.is_alphanumeric() {
                break;
            }
            iter.next();
        }
        let (start, _) = *iter.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = iter.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            end = i + c.len_utf8();
            iter.next();
        }
        Some((start, &text[start..end]))
    })
}

/// After the last matched word, takes in closing markup (`**`, `_`, a link
/// target `](...)`) when the claim's final punctuation follows it.
fn extend_over_tail(rest: &str, end: usize, text: &str) -> usize {
    let tail: Vec<char> = text
        .trim_end()
        .chars()
        .rev()
        .take_while(|c| !c.is_alphanumeric() && !c.is_whitespace())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if tail.is_empty() {
        return end;
    }
    let mut p = end;
    loop {
        let here = &rest[p..];
        if here.starts_with("](") {
            match here.find(')').filter(|&j| !here[..j].contains('\n')) {
                Some(j) => p += j + 1,
                None => break,
            }
        } else if let Some(c) = here
            .chars()
            .next()
            .filter(|c| matches!(c, '*' | '_' | '~' | '`' | ']'))
        {
            p += c.len_utf8();
        } else {
            break;
        }
    }
    let mut q = p;
    let mut took = false;
    for t in tail {
        match rest[q..].chars().next() {
            Some(c) if c == t => {
                q += c.len_utf8();
                took = true;
            }
            _ => break,
        }
    }
    if took {
        q
    } else {
        end
    }
}

/// End of the first sentence (after `.`, `!` or `?` and a space) or line.
fn sentence_end(rest: &str) -> usize {
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' || c == '\r' {
            return i;
        }
        if matches!(c, '.' | '!' | '?') && chars.peek().is_none_or(|(_, n)| n.is_whitespace()) {
            return i + 1;
        }
    }
    rest.len()
}

fn icon(v: Verdict) -> &'static str {
    match v {
        Verdict::Supported => "\u{2713}",
        Verdict::Contradicted => "\u{2717}",
        Verdict::Unsupported => "?",
    }
}

fn title(v: Verdict) -> &'static str {
    match v {
        Verdict::Supported => "Supported",
        Verdict::Contradicted => "Contradicted",
        Verdict::Unsupported => "Unsupported",
    }
}

/// Renders a report as one self-contained HTML page.
///
/// `sources` maps article names to their text; articles missing from it are
/// shown as lists of claims.
pub fn report_html(report: &Report, sources: &Sources) -> String {
    let mut by_article: BTreeMap<&str, Vec<(usize, &Checked)>> = BTreeMap::new();
    for (n, c) in report.claims.iter().enumerate() {
        by_article.entry(c.article.as_str()).or_default().push((n + 1, c));
    }
    let s = &report.summary;
    let mut out = String::new();
    out.push_str(HEAD);
    let _ = write!(
        out,
        "<header class=\"bar\" id=\"summary\">\n<h1>factcheck report</h1>\n<p class=\"counts\">\
         <span class=\"total\" data-count=\"{total}\">{total} claims in {articles} {noun}</span>",
        total = report.claims.len(),
        articles = by_article.len(),
        noun = if by_article.len() == 1 {
            "article"
        } else {
            "articles"
        },
    );
    for v in [Verdict::Contradicted, Verdict::Unsupported, Verdict::Supported] {
        // A chip shows only its kind (in the findings list and the text)
        // when clicked, and all again on a second click; without the
        // script it is a link to the findings.
        let _ = write!(
            out,
            " <a class=\"count\" data-verdict=\"{v}\" data-count=\"{n}\" href=\"#findings\" data-only=\"{v}\" role=\"button\" aria-pressed=\"false\" title=\"Show only {v} claims\"><span class=\"icon\" aria-hidden=\"true\">{i}</span> <b>{n}</b> {v}</a>",
            n = s.count(v),
            i = icon(v),
        );
    }
    out.push_str("</p>\n</header>\n");
    findings_list(&mut out, report);
    out.push_str(LEGEND);
    out.push_str("<main>\n");
    if report.claims.is_empty() {
        out.push_str("<p class=\"note\">No claims were found.</p>\n");
    }
    for (article, claims) in &by_article {
        article_section(
            &mut out,
            article,
            claims,
            sources.get(*article).map(String::as_str),
        );
    }
    out.push_str("</main>\n");
    let _ = writeln!(
        out,
        "<footer>Generated by factcheck {}. Hover, focus or tap a highlighted claim for its verdict and evidence; <kbd>n</kbd> / <kbd>p</kbd> go to the next / previous finding. Printed, each claim shows its reason.</footer>",
        env!("CARGO_PKG_VERSION")
    );
    out.push_str(SCRIPT);
    out.push_str("</body>\n</html>\n");
    out
}

/// Ids of the page's own elements, which a claim's anchor never takes.
const PAGE_IDS: [&str; 3] = ["summary", "findings", "findings-title"];

/// Prefix of the page's generated ids (tooltips, anchors of claims whose id
/// cannot be one).
const OWN_ID_PREFIX: &str = "fc-";

/// The anchor of a claim: its id, so that `report.html#article-a-3` opens
/// claim `article-a-3`; `fc-claim-N` for an id that cannot be an HTML id
/// (empty, with whitespace) or would clash with the page's own.
pub fn anchor(n: usize, c: &Checked) -> String {
    let id = c.id.as_str();
    let usable = !id.is_empty()
        && !id.chars().any(char::is_whitespace)
        && !PAGE_IDS.contains(&id)
        && !id.starts_with(OWN_ID_PREFIX);
    if usable {
        id.to_string()
    } else {
        format!("{OWN_ID_PREFIX}claim-{n}")
    }
}

/// `#anchor` for an `href`: characters outside a URL fragment percent-encoded.
fn fragment(anchor: &str) -> String {
    let mut out = String::from("#");
    for c in anchor.chars() {
        if c.is_ascii_alphanumeric() || "-._~!$'()*+,;=:@/?".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// The findings at the top of the page, for an editor's pass: contradicted
/// claims, then unsupported ones, each in report order, each linking to the
/// claim in the text with its reason and deciding reference.
fn findings_list(out: &mut String, report: &Report) {
    out.push_str(
        "<nav class=\"findings\" id=\"findings\" aria-labelledby=\"findings-title\">\n\
         <h2 id=\"findings-title\">Findings <span class=\"hint\">press <kbd>n</kbd> / <kbd>p</kbd> for the next / previous finding</span></h2>\n",
    );
    let numbered: Vec<(usize, &Checked)> = report
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| (i + 1, c))
        .collect();
    let groups: Vec<(Verdict, Vec<&(usize, &Checked)>)> = [Verdict::Contradicted, Verdict::Unsupported]
        .into_iter()
        .map(|v| {
            (
                v,
                numbered
                    .iter()
                    .filter(|(_, c)| c.verdict == v)
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, list)| !list.is_empty())
        .collect();
    if groups.is_empty() {
        out.push_str("<p class=\"note\">No findings: every claim is supported.</p>\n</nav>\n");
        return;
    }
    for (v, list) in &groups {
        // Contradicted claims are always listed open; a long list of
        // unsupported ones is folded, so that the text stays near the top.
        let open = *v == Verdict::Contradicted || list.len() <= MAX_OPEN_UNSUPPORTED;
        let _ = writeln!(
            out,
            "<details class=\"group\" data-verdict=\"{v}\"{open}><summary><b>{n}</b> {v}</summary>\n<ol>",
            open = if open { " open" } else { "" },
            n = list.len(),
        );
        for &&(n, c) in list {
            finding_item(out, n, c);
        }
        out.push_str("</ol>\n</details>\n");
    }
    out.push_str("</nav>\n");
}

/// Unsupported findings listed open at most; more are folded under their count.
const MAX_OPEN_UNSUPPORTED: usize = 10;

fn finding_item(out: &mut String, n: usize, c: &Checked) {
    let v = c.verdict;
    let _ = write!(
        out,
        "<li class=\"finding\" data-verdict=\"{v}\"><a href=\"{href}\"><span class=\"icon\" aria-hidden=\"true\">{i}</span> <b>{v}</b> <span class=\"where\">{place}</span></a>\
         <q class=\"finding-text\">{text}</q><span class=\"finding-reason\">{reason}</span>",
        href = escape_html(&fragment(&anchor(n, c))),
        i = icon(v),
        place = escape_html(&place(c)),
        text = escape_html(&c.shown_text()),
        reason = escape_html(&c.reason),
    );
    if let Some(r) = &c.reference {
        out.push_str("<span class=\"finding-ref\">");
        reference_html(out, r);
        out.push_str("</span>");
    }
    out.push_str("</li>\n");
}

/// `article:line:column` of a claim, as far as it is known.
fn place(c: &Checked) -> String {
    let mut at = if c.article.is_empty() {
        c.id.clone()
    } else {
        c.article.clone()
    };
    if c.line > 0 {
        let _ = write!(at, ":{}", c.line);
        if c.column > 0 {
            let _ = write!(at, ":{}", c.column);
        }
    }
    at
}

/// A reference's id and statement, then its source (a link only for a web address).
fn reference_html(out: &mut String, r: &crate::check::RefSummary) {
    let _ = write!(
        out,
        "<span class=\"tip-ref\"><b>{}</b> {}</span>",
        escape_html(&r.id),
        escape_html(&r.statement)
    );
    if is_web_url(&r.source) {
        let _ = write!(
            out,
            "<span class=\"tip-src\">Source: <a href=\"{}\" rel=\"noopener noreferrer\">{}</a></span>",
            escape_html(&clean_url(&r.source)),
            escape_html(r.source.trim())
        );
    } else if !r.source.trim().is_empty() {
        let _ = write!(
            out,
            "<span class=\"tip-src\">Source: {}</span>",
            escape_html(&r.source)
        );
    }
}

fn article_section(out: &mut String, article: &str, claims: &[(usize, &Checked)], source: Option<&str>) {
    let name = if article.is_empty() {
        "(no article)"
    } else {
        article
    };
    let _ = write!(
        out,
        "<section class=\"article\">\n<h2>{}</h2>\n<p class=\"article-counts\">",
        escape_html(name)
    );
    let parts: Vec<String> = [Verdict::Contradicted, Verdict::Unsupported, Verdict::Supported]
        .into_iter()
        .map(|v| format!("{} {v}", claims.iter().filter(|(_, c)| c.verdict == v).count()))
        .collect();
    let _ = writeln!(out, "{}</p>", parts.join(" \u{b7} "));
    let Some(source) = source else {
        out.push_str(
            "<p class=\"note\">The article text is not available; its claims are listed below.</p>\n",
        );
        claim_list(out, claims);
        out.push_str("</section>\n");
        return;
    };
    let mut located: Vec<(Range<usize>, usize, &Checked)> = Vec::new();
    let mut unlocated: Vec<(usize, &Checked)> = Vec::new();
    for &(n, c) in claims {
        match locate(source, c.line, c.column, &c.text) {
            Some(r) => located.push((r, n, c)),
            None => unlocated.push((n, c)),
        }
    }
    located.sort_by_key(|(r, n, _)| (r.start, *n));
    out.push_str("<div class=\"text\">");
    let mut pos = 0;
    for (range, n, c) in &located {
        // Overlapping claims: the later one starts where the earlier ends.
        let start = range.start.max(pos);
        let end = range.end.max(start);
        out.push_str(&escape_html(&source[pos..start]));
        claim_element(out, *n, c, &source[start..end]);
        pos = end;
    }
    out.push_str(&escape_html(&source[pos..]));
    out.push_str("</div>\n");
    if !unlocated.is_empty() {
        out.push_str("<h3>Claims not found in the text</h3>\n");
        claim_list(out, &unlocated);
    }
    out.push_str("</section>\n");
}

fn claim_list(out: &mut String, claims: &[(usize, &Checked)]) {
    out.push_str("<ol class=\"claims\">\n");
    for &(n, c) in claims {
        out.push_str("<li>");
        claim_element(out, n, c, &c.text);
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
}

fn claim_element(out: &mut String, n: usize, c: &Checked, shown: &str) {
    let v = c.verdict;
    let _ = write!(
        out,
        "<span class=\"claim\" id=\"{anchor}\" data-verdict=\"{v}\" data-id=\"{id}\" tabindex=\"0\" aria-describedby=\"{OWN_ID_PREFIX}tip-{n}\">\
         <span class=\"icon\" aria-hidden=\"true\">{i}</span>{text}",
        anchor = escape_html(&anchor(n, c)),
        id = escape_html(&c.id),
        i = icon(v),
        text = escape_html(shown),
    );
    let _ = write!(
        out,
        "<span class=\"tip\" id=\"{OWN_ID_PREFIX}tip-{n}\" role=\"tooltip\"><span class=\"tip-verdict\">{i} {t}</span>\
         <span class=\"tip-meta\">{id}",
        i = icon(v),
        t = title(v),
        id = escape_html(&c.id),
    );
    if c.line > 0 {
        let _ = write!(out, " \u{b7} line {}", c.line);
        if c.column > 0 {
            let _ = write!(out, ", column {}", c.column);
        }
    }
    let _ = write!(out, " \u{b7} score {:.2}</span>", c.score);
    let _ = write!(
        out,
        "<span class=\"tip-reason\">{}</span>",
        escape_html(&c.reason)
    );
    match &c.reference {
        Some(r) => reference_html(out, r),
        None => out.push_str("<span class=\"tip-ref\">No deciding reference.</span>"),
    }
    out.push_str("</span></span>");
}

const HEAD: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>factcheck report</title>
<style>
:root{--ok:#1a7f37;--ok-bg:#dafbe1;--bad:#c0262d;--bad-bg:#ffe1e3;--unk:#9a6700;--unk-bg:#fff1c2;--ink:#1f2328;--muted:#57606a;--line:#d0d7de}
*{box-sizing:border-box}
body{margin:0 auto;max-width:56rem;padding:0 1rem 2rem;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
h1{font-size:1.25rem;margin:0}
h2{font-size:1.05rem;margin:1.5rem 0 .25rem;overflow-wrap:anywhere}
h3{font-size:1rem;margin:1rem 0 .25rem}
.bar{position:sticky;top:0;z-index:3;background:#f6f8fa;border-bottom:1px solid var(--line);margin:0 -1rem;padding:.6rem 1rem}
.counts{margin:.2rem 0 0;display:flex;flex-wrap:wrap;gap:.4rem .9rem;align-items:center}
.count{padding:0 .45rem;border-radius:1rem;border:1px solid}
.count[data-verdict=contradicted]{color:var(--bad);background:var(--bad-bg)}
.count[data-verdict=unsupported]{color:var(--unk);background:var(--unk-bg)}
.count[data-verdict=supported]{color:var(--ok);background:var(--ok-bg)}
.legend{margin:.8rem 0;padding:.5rem .75rem;border:1px solid var(--line);border-radius:.4rem;font-size:.9rem}
.legend ul{list-style:none;margin:.2rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem}
.legend button{font:inherit;background:none;border:0;padding:0;cursor:pointer;color:inherit}
.legend button[aria-pressed=false]{opacity:.45;text-decoration:line-through}
.article-counts,.note,footer{color:var(--muted);font-size:.9rem;margin:.1rem 0 .6rem}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,"Times New Roman",serif;font-size:1.05rem;line-height:1.75;padding:.75rem 1rem;border:1px solid var(--line);border-radius:.4rem;background:#fffdf8}
.claims{padding-left:1.5rem}
.claims li{margin:.35rem 0}
.claim{position:relative;cursor:pointer;scroll-margin-top:7rem;border-radius:.2rem;padding:0 .1rem;text-decoration-thickness:2px;text-underline-offset:.2em;text-decoration-line:underline;text-decoration-skip-ink:none}
.claim[data-verdict=supported]{background:var(--ok-bg);text-decoration-color:var(--ok);text-decoration-style:solid}
.claim[data-verdict=contradicted]{background:var(--bad-bg);text-decoration-color:var(--bad);text-decoration-style:wavy}
.claim[data-verdict=unsupported]{background:var(--unk-bg);text-decoration-color:var(--unk);text-decoration-style:dashed}
.claim:focus{outline:2px solid #0969da;outline-offset:1px}
.icon{font-family:system-ui,sans-serif;font-weight:700;font-size:.8em;margin-right:.15em;text-decoration:none;display:inline-block}
.claim[data-verdict=supported]>.icon,.legend .supported{color:var(--ok)}
.claim[data-verdict=contradicted]>.icon,.legend .contradicted{color:var(--bad)}
.claim[data-verdict=unsupported]>.icon,.legend .unsupported{color:var(--unk)}
.legend .sample{padding:0 .2rem;text-decoration-line:underline;text-decoration-thickness:2px}
.legend .supported .sample{background:var(--ok-bg);text-decoration-style:solid}
.legend .contradicted .sample{background:var(--bad-bg);text-decoration-style:wavy}
.legend .unsupported .sample{background:var(--unk-bg);text-decoration-style:dashed}
.tip{display:none;position:absolute;left:0;top:100%;z-index:5;width:min(26rem,80vw);margin-top:.3rem;padding:.6rem .75rem;background:#fff;color:var(--ink);border:1px solid var(--line);border-radius:.4rem;box-shadow:0 6px 18px rgba(0,0,0,.18);white-space:normal;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;text-decoration:none;cursor:auto}
.tip>span{display:block;margin:.15rem 0}
.tip-verdict{font-weight:700}
.claim[data-verdict=supported] .tip-verdict{color:var(--ok)}
.claim[data-verdict=contradicted] .tip-verdict{color:var(--bad)}
.claim[data-verdict=unsupported] .tip-verdict{color:var(--unk)}
.tip-meta{color:var(--muted);font-size:.85em}
.tip-src{overflow-wrap:anywhere}
.tip a{color:#0969da}
.claim:hover>.tip,.claim:focus>.tip,.claim:focus-within>.tip,.claim.open>.tip{display:block}
body.hide-supported .claim[data-verdict=supported],body.hide-contradicted .claim[data-verdict=contradicted],body.hide-unsupported .claim[data-verdict=unsupported]{background:none;text-decoration-line:none}
footer{margin-top:1.5rem}
a.count{text-decoration:none;cursor:pointer}
a.count[aria-pressed=true]{box-shadow:0 0 0 2px currentColor}
.findings{margin:.8rem 0;padding:.5rem .75rem;border:1px solid var(--line);border-radius:.4rem}
.findings h2{margin:0 0 .3rem}
.findings .hint{font-weight:400;font-size:.8rem;color:var(--muted);margin-left:.5rem}
.findings ol{margin:0;padding-left:1.5rem}
.finding{margin:.45rem 0}
.finding>a{color:inherit;text-decoration:none}
.finding>a .where{text-decoration:underline}
.group>summary{cursor:pointer;margin:.2rem 0}
.group[data-verdict=contradicted]>summary{color:var(--bad)}
.group[data-verdict=unsupported]>summary{color:var(--unk)}
.finding[data-verdict=contradicted]>a b,.finding[data-verdict=contradicted] .icon{color:var(--bad)}
.finding[data-verdict=unsupported]>a b,.finding[data-verdict=unsupported] .icon{color:var(--unk)}
.finding .where{color:var(--muted);font-size:.9em;overflow-wrap:anywhere}
.finding>span,.finding>q{display:block}
.finding-reason,.finding-ref{font-size:.9rem;color:var(--muted)}
.finding-ref>span{display:block}
kbd{font:.8em ui-monospace,monospace;border:1px solid var(--line);border-radius:.2rem;padding:0 .2rem}
body[data-only=contradicted] .group:not([data-verdict=contradicted]),body[data-only=unsupported] .group:not([data-verdict=unsupported]),body[data-only=supported] .group{display:none}
body[data-only=contradicted] .claim:not([data-verdict=contradicted]),body[data-only=unsupported] .claim:not([data-verdict=unsupported]),body[data-only=supported] .claim:not([data-verdict=supported]){background:none;text-decoration-line:none}
@media print{
.bar{position:static}
.legend,.findings .hint{display:none}
.text{white-space:pre-wrap}
.claim>.tip,.claim:hover>.tip{display:block;position:static;width:auto;margin:.2rem 0 .5rem 1rem;padding:.2rem .5rem;box-shadow:none;border:0;border-left:3px solid var(--line);font-size:10pt;break-inside:avoid}
.claim[data-verdict=contradicted]>.tip{border-left-color:var(--bad)}
.claim[data-verdict=unsupported]>.tip{border-left-color:var(--unk)}
.tip a{color:inherit}
.tip a::after{content:" (" attr(href) ")"}
}
@media (max-width:40rem){
body{font-size:15px}
.text{padding:.5rem .6rem;font-size:1rem}
.tip{position:fixed;left:.5rem;right:.5rem;top:auto;bottom:.5rem;width:auto;max-height:60vh;overflow:auto}
}
</style>
</head>
<body>
"##;

const LEGEND: &str = r#"<section class="legend" aria-label="Legend">
<strong>Legend</strong> (click to show or hide a kind)
<ul>
<li><button type="button" class="contradicted" data-filter="contradicted" aria-pressed="true"><span class="icon" aria-hidden="true">&#x2717;</span><span class="sample">contradicted</span></button>: red, wavy underline; a reference says otherwise</li>
<li><button type="button" class="unsupported" data-filter="unsupported" aria-pressed="true"><span class="icon" aria-hidden="true">?</span><span class="sample">unsupported</span></button>: amber, dashed underline; the table cannot decide</li>
<li><button type="button" class="supported" data-filter="supported" aria-pressed="true"><span class="icon" aria-hidden="true">&#x2713;</span><span class="sample">supported</span></button>: green, solid underline; a reference agrees</li>
</ul>
</section>
"#;

/// Click or tap pins a claim's details open (hover and focus need no
/// script), as does a link to a claim's id; Escape closes them; the legend
/// buttons hide a kind of highlight; the count chips show only their kind;
/// `n` and `p` move to the next and previous finding.
const SCRIPT: &str = r#"<script>
(function () {
  function closeAll(except) {
    document.querySelectorAll(".claim.open").forEach(function (el) {
      if (el !== except) { el.classList.remove("open"); }
    });
  }
  document.addEventListener("click", function (e) {
    if (e.target.closest(".tip")) { return; }
    var claim = e.target.closest(".claim");
    closeAll(claim);
    if (claim) { toggle(claim); }
  });
  // A second click, Enter or Space closes the details again (focus alone
  // would keep them shown).
  function toggle(claim) {
    if (!claim.classList.toggle("open")) { claim.blur(); }
  }
  document.addEventListener("keydown", function (e) {
    var claim = e.target.classList && e.target.classList.contains("claim") ? e.target : null;
    if (e.key === "Escape") {
      closeAll(null);
      if (claim) { claim.blur(); }
    }
    if ((e.key === "Enter" || e.key === " ") && claim) {
      e.preventDefault();
      closeAll(claim);
      toggle(claim);
    }
  });
  // Keep a popover inside the window: shift it left when it would overflow.
  function place(claim) {
    var tip = claim && claim.querySelector(".tip");
    if (!tip || getComputedStyle(tip).position === "fixed") { return; }
    tip.style.left = "";
    var over = tip.getBoundingClientRect().right - (document.documentElement.clientWidth - 8);
    if (over > 0) { tip.style.left = -over + "px"; }
  }
  ["mouseover", "focusin", "click"].forEach(function (type) {
    document.addEventListener(type, function (e) {
      var claim = e.target.closest && e.target.closest(".claim");
      if (claim && !e.target.closest(".tip")) { place(claim); }
    });
  });
  function byHash(hash) {
    if (!hash) { return null; }
    var id = hash.slice(1);
    try { id = decodeURIComponent(id); } catch (err) { /* keep it as it is */ }
    return document.getElementById(id);
  }
  function openClaim(claim) {
    closeAll(claim);
    claim.classList.add("open");
    place(claim);
  }
  var target = byHash(location.hash);
  if (target && target.classList.contains("claim")) { openClaim(target); }
  window.addEventListener("hashchange", function () {
    var t = byHash(location.hash);
    if (t && t.classList.contains("claim")) { openClaim(t); t.focus(); }
  });
  // The count chips: show only one kind, again for all.
  document.querySelectorAll("a[data-only]").forEach(function (chip) {
    chip.addEventListener("click", function (e) {
      e.preventDefault();
      var kind = chip.getAttribute("data-only");
      var on = document.body.getAttribute("data-only") !== kind;
      if (on) { document.body.setAttribute("data-only", kind); } else { document.body.removeAttribute("data-only"); }
      var group = on && document.querySelector(".group[data-verdict=" + kind + "]");
      if (group) { group.open = true; }
      document.querySelectorAll("a[data-only]").forEach(function (c) {
        c.setAttribute("aria-pressed", on && c === chip ? "true" : "false");
      });
    });
  });
  // Printed, every finding is listed: folded groups open.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".group").forEach(function (g) { g.open = true; });
  });
  // n / p: the next / previous finding in the text (the shown kind only).
  function findings() {
    var only = document.body.getAttribute("data-only");
    return Array.prototype.filter.call(document.querySelectorAll(".text .claim, .claims .claim"), function (c) {
      var v = c.getAttribute("data-verdict");
      return only ? v === only : v !== "supported";
    });
  }
  var current = -1;
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || (e.key !== "n" && e.key !== "p")) { return; }
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    var list = findings();
    if (!list.length) { return; }
    var at = list.indexOf(document.activeElement);
    if (at < 0) { at = current; }
    if (at < 0) {
      current = e.key === "n" ? 0 : list.length - 1;
    } else {
      current = e.key === "n" ? (at + 1) % list.length : (at - 1 + list.length) % list.length;
    }
    var claim = list[current];
    openClaim(claim);
    claim.focus();
    claim.scrollIntoView({ block: "center" });
    e.preventDefault();
  });
  document.querySelectorAll("[data-filter]").forEach(function (b) {
    b.addEventListener("click", function () {
      var on = b.getAttribute("aria-pressed") !== "true";
      b.setAttribute("aria-pressed", on ? "true" : "false");
      document.body.classList.toggle("hide-" + b.getAttribute("data-filter"), !on);
    });
  });
})();
</script>
"#;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::check::{RefSummary, Summary};

    fn checked(
        id: &str,
        article: &str,
        pos: (usize, usize),
        text: &str,
        v: Verdict,
        r: Option<(&str, &str, &str)>,
    ) -> Checked {
        Checked {
            id: id.into(),
            article: article.into(),
            line: pos.0,
            column: pos.1,
            text: text.into(),
            verdict: v,
            score: 0.8,
            reference: r.map(|(id, statement, source)| RefSummary {
                id: id.into(),
                statement: statement.into(),
                source: source.into(),
            }),
            reason: format!("reason for {id}"),
            candidates: Vec::new(),
            sentence: String::new(),
            subject: String::new(),
            span: (0, 0),
        }
    }

    /// A small report shared by the renderers' unit tests: one supported,
    /// one contradicted and one unsupported claim in `a.md`, and one
    /// contradicted claim with awkward characters in a claims CSV.
    pub(crate) fn sample() -> Report {
        let claims = vec![
            checked(
                "a-1",
                "a.md",
                (3, 1),
                "The Eiffel Tower was completed in 1889.",
                Verdict::Supported,
                Some((
                    "L1",
                    "The Eiffel Tower was completed in 1889.",
                    "https://example.org/eiffel",
                )),
            ),
            checked(
                "a-2",
                "a.md",
                (3, 45),
                "It is located in Rome.",
                Verdict::Contradicted,
                Some(("L2", "The Eiffel Tower is located in Paris.", "Guide, p. 3")),
            ),
            checked(
                "a-3",
                "a.md",
                (5, 3),
                "The moon is made of cheese.",
                Verdict::Unsupported,
                None,
            ),
            checked(
                "x-1",
                "dir\\x, y.csv",
                (0, 0),
                "50% say \"a|b\" <b>:\nnew, line",
                Verdict::Contradicted,
                Some((
                    "R,9",
                    "A <script>alert(1)</script> statement.",
                    "javascript:alert(1)",
                )),
            ),
        ];
        Report {
            summary: Summary {
                supported: 1,
                contradicted: 2,
                unsupported: 1,
            },
            claims,
        }
    }

    pub(crate) fn sample_sources() -> Sources {
        let mut s = Sources::new();
        s.insert(
            "a.md".into(),
            "# Title\n\nThe Eiffel Tower was completed in **1889**. It is located in [Rome](https://x.org/r).\n\n- The moon is made of cheese.\n"
                .into(),
        );
        s
    }

    #[test]
    fn locate_spans_markdown_markup() {
        let src = &sample_sources()["a.md"];
        let r = locate(src, 3, 1, "The Eiffel Tower was completed in 1889.").unwrap();
        assert_eq!(&src[r], "The Eiffel Tower was completed in **1889**.");
        let r = locate(src, 3, 45, "It is located in Rome.").unwrap();
        assert_eq!(&src[r], "It is located in [Rome](https://x.org/r).");
        let r = locate(src, 5, 3, "The moon is made of cheese.").unwrap();
        assert_eq!(&src[r], "The moon is made of cheese.");
    }

    #[test]
    fn locate_handles_wrapped_lines_clauses_and_characters() {
        let src = "Kōno met Breton in\nBrussels on Monday, and then left.";
        let r = locate(src, 1, 1, "Kōno met Breton in Brussels on Monday").unwrap();
        assert_eq!(&src[r], "Kōno met Breton in\nBrussels on Monday");
        let r = locate(src, 1, 6, "met Breton in Brussels on Monday, and then left.").unwrap();
        assert_eq!(&src[r], "met Breton in\nBrussels on Monday, and then left.");
    }

    #[test]
    fn locate_falls_back_to_sentence_end_and_rejects_bad_positions() {
        let src = "Alpha beta gamma. Delta epsilon.\nSecond line";
        let r = locate(src, 1, 1, "Something else entirely").unwrap();
        assert_eq!(&src[r], "Alpha beta gamma.");
        let r = locate(src, 2, 1, "Nothing matches").unwrap();
        assert_eq!(&src[r], "Second line");
        assert_eq!(locate(src, 0, 0, "x"), None);
        assert_eq!(locate(src, 3, 1, "x"), None);
        assert_eq!(locate(src, 2, 99, "x"), None);
    }

    #[test]
    fn html_escapes_every_text_and_links_only_web_sources() {
        let html = report_html(&sample(), &sample_sources());
        assert_eq!(html.matches("<script").count(), 1, "only the page's own script");
        assert!(html.contains("A &lt;script&gt;alert(1)&lt;/script&gt; statement."));
        assert!(html.contains("&quot;a|b&quot; &lt;b&gt;"));
        assert!(!html.contains("href=\"javascript"));
        assert!(html.contains("Source: javascript:alert(1)</span>"));
        assert!(html.contains("<a href=\"https://example.org/eiffel\" rel=\"noopener noreferrer\">"));
        assert_eq!(html.matches("<span class=\"claim\"").count(), 4);
        assert_eq!(html.matches("data-verdict=\"contradicted\" data-id=").count(), 2);
        // The CSV claims have no source text: listed, with a note.
        assert!(html.contains("The article text is not available"));
        assert!(html.contains("<h2>dir\\x, y.csv</h2>"));
        // Highlight covers the markup of the source.
        assert!(html.contains("</span>The Eiffel Tower was completed in **1889**.<span class=\"tip\""));
    }

    #[test]
    fn html_summary_counts_and_determinism() {
        let a = report_html(&sample(), &sample_sources());
        assert!(a.contains("data-verdict=\"contradicted\" data-count=\"2\""));
        assert!(a.contains("data-verdict=\"supported\" data-count=\"1\""));
        assert!(a.contains("data-count=\"4\">4 claims in 2 articles"));
        assert_eq!(a, report_html(&sample(), &sample_sources()));
    }

    #[test]
    fn overlapping_claims_do_not_nest() {
        let mut r = sample();
        r.claims.truncate(1);
        let mut second = r.claims[0].clone();
        second.id = "a-9".into();
        second.column = 5;
        second.text = "Eiffel Tower was completed".into();
        r.claims.push(second);
        let html = report_html(&r, &sample_sources());
        assert_eq!(html.matches("<span class=\"claim\"").count(), 2);
        let text = html.split("<div class=\"text\">").nth(1).unwrap();
        assert!(text.find("id=\"a-9\"").unwrap() > text.find("id=\"a-1\"").unwrap());
    }

    #[test]
    fn findings_come_first_contradicted_then_unsupported_linked_by_claim_id() {
        let mut r = sample();
        r.claims[2].id = "has space".into();
        r.claims[0].id = "findings".into();
        let html = report_html(&r, &sample_sources());
        let list = &html[html.find("<nav class=\"findings\"").unwrap()..html.find("</nav>").unwrap()];
        let hrefs: Vec<&str> = list
            .match_indices("<li class=\"finding\" data-verdict=\"")
            .map(|(i, _)| {
                let rest = &list[i..];
                let h = rest.find("href=\"").unwrap() + 6;
                &rest[h..h + rest[h..].find('"').unwrap()]
            })
            .collect();
        // Contradicted a-2 and x-1 (report order), then the unsupported claim,
        // whose id cannot be an HTML id; the supported claim is no finding.
        assert_eq!(hrefs, ["#a-2", "#x-1", "#fc-claim-3"]);
        assert!(html.contains(
            "<span class=\"claim\" id=\"fc-claim-3\" data-verdict=\"unsupported\" data-id=\"has space\""
        ));
        assert!(
            html.contains("<span class=\"claim\" id=\"fc-claim-1\""),
            "a page id is not taken"
        );
        // Each finding has its reason and reference, escaped.
        assert!(list.contains("<span class=\"tip-ref\"><b>L2</b> The Eiffel Tower is located in Paris.</span><span class=\"tip-src\">Source: Guide, p. 3</span>"));
        assert!(list.contains("A &lt;script&gt;alert(1)&lt;/script&gt; statement."));
        assert!(list.contains("<span class=\"finding-reason\">reason for x-1</span>"));
        assert!(!list.contains("<script"));
        assert_eq!(fragment("a b#\"é"), "#a%20b%23%22%C3%A9");
        let none = report_html(
            &Report {
                claims: vec![sample().claims[0].clone()],
                summary: Summary {
                    supported: 1,
                    contradicted: 0,
                    unsupported: 0,
                },
            },
            &sample_sources(),
        );
        assert!(none.contains("No findings: every claim is supported."));
    }

    #[test]
    fn urls_are_cleaned_for_attributes() {
        assert_eq!(
            clean_url(" https://x.org/a b\"<c>'?q=1&r "),
            "https://x.org/a%20b%22%3Cc%3E%27?q=1&r"
        );
        assert!(is_web_url("HTTPS://x.org"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("https://"));
    }
}
