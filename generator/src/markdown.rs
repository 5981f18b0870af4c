//! Stage 4, `markdown`: the one place that fixes pulldown-cmark's options. Scenario text is
//! GitHub-flavoured (tables, task lists, strikethrough, footnotes); candidate text follows the
//! page's smaller rule set. Raw HTML is escaped, never passed through; fenced code goes through
//! the same highlighter as the diff.

use linkify::{LinkFinder, LinkKind};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use crate::html::{escape, push_line};

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM
}

/// Candidate markdown: what the page's own renderer knows (strikethrough beyond CommonMark).
/// Footnotes stay off: they would give candidate text `id`s and in-page links in the report.
fn candidate_options() -> Options {
    Options::ENABLE_STRIKETHROUGH
}

/// Scenario markdown (descriptions, key details) to safe HTML.
pub fn to_html(markdown: &str) -> String {
    render(markdown, Links::AllowRelative)
}

/// Candidate markdown (comments, summaries): the same rules, but links only for http, https
/// and mailto, so nothing a candidate writes can point inside the site or run script.
pub fn to_candidate_html(markdown: &str) -> String {
    render(markdown, Links::WebOnly)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Links {
    AllowRelative,
    WebOnly,
}

/// The prefix of every footnote's element id and link.
const FOOTNOTE: &str = "fn-";

/// Attributes of every link that leaves the site: a new tab, no referrer, no endorsement.
const OUTSIDE: &str = "rel=\"noopener noreferrer nofollow\" target=\"_blank\"";

fn render(markdown: &str, links: Links) -> String {
    let mut events = Vec::new();
    let mut code: Option<(String, String)> = None;
    // Whether each open link was kept (a refused target leaves its text only).
    let mut open_links: Vec<bool> = Vec::new();
    let options = match links {
        Links::AllowRelative => options(),
        Links::WebOnly => candidate_options(),
    };
    for event in Parser::new_ext(markdown, options) {
        match (&mut code, event) {
            (None, Event::Start(Tag::CodeBlock(kind))) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            (Some((_, text)), Event::Text(t)) => text.push_str(&t),
            (Some(_), Event::End(TagEnd::CodeBlock)) => {
                if let Some((lang, text)) = code.take() {
                    events.push(Event::Html(code_block(&lang, &text).into()));
                }
            }
            (Some(_), _) => {}
            // Raw HTML is shown as the text it is, a block of it as a paragraph.
            (None, Event::Start(Tag::HtmlBlock)) => events.push(Event::Start(Tag::Paragraph)),
            (None, Event::End(TagEnd::HtmlBlock)) => events.push(Event::End(TagEnd::Paragraph)),
            (None, Event::Html(raw)) | (None, Event::InlineHtml(raw)) => {
                let trimmed = raw.trim_end_matches('\n').to_string();
                events.push(Event::Text(trimmed.into()))
            }
            (None, Event::Start(Tag::Heading { level, .. })) if links == Links::WebOnly => {
                events.push(Event::Html(format!("<h{}>", shifted(level)).into()))
            }
            (None, Event::End(TagEnd::Heading(level))) if links == Links::WebOnly => {
                events.push(Event::Html(format!("</h{}>\n", shifted(level)).into()))
            }
            (None, Event::Start(Tag::Link { dest_url, .. })) => {
                open_links.push(link_open(&dest_url, links, &mut events));
            }
            // Images would load from elsewhere: they become links labelled as images.
            (None, Event::Start(Tag::Image { dest_url, .. })) => {
                open_links.push(link_open(&dest_url, links, &mut events));
                events.push(Event::Text("image: ".into()));
            }
            (None, Event::End(TagEnd::Link | TagEnd::Image)) => {
                if open_links.pop().unwrap_or(false) {
                    events.push(Event::Html("</a>".into()));
                }
            }
            // Footnote ids live in their own namespace: a label such as `file-1` or
            // `description` must not shadow an element of the page.
            (None, Event::FootnoteReference(label)) => events.push(Event::FootnoteReference(
                format!("{FOOTNOTE}{label}").into(),
            )),
            (None, Event::Start(Tag::FootnoteDefinition(label))) => events.push(Event::Start(
                Tag::FootnoteDefinition(format!("{FOOTNOTE}{label}").into()),
            )),
            (None, Event::Text(text)) if open_links.is_empty() => autolink(&text, &mut events),
            (None, event) => events.push(event),
        }
    }
    let mut out = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut out, events.into_iter());
    out
}

/// Candidate headings sit two levels below the page's own.
fn shifted(level: HeadingLevel) -> usize {
    (level as usize + 2).min(6)
}

/// Opens a link to `url` unless its target is refused; returns whether it did.
fn link_open(url: &str, links: Links, events: &mut Vec<Event<'_>>) -> bool {
    let tag = match target(url, links) {
        Some(Target::Outside) => format!("<a href=\"{}\" {OUTSIDE}>", escape(url.trim())),
        Some(Target::Page) => format!("<a href=\"{}\">", escape(url.trim())),
        None => return false,
    };
    events.push(Event::Html(tag.into()));
    true
}

/// Bare http(s) addresses in text become links, as on a code host.
fn autolink<'a>(text: &str, events: &mut Vec<Event<'a>>) {
    let mut finder = LinkFinder::new();
    finder.kinds(&[LinkKind::Url]);
    for span in finder.spans(text) {
        let part = span.as_str().to_string();
        match span.kind() {
            Some(LinkKind::Url) if target(&part, Links::WebOnly) == Some(Target::Outside) => {
                let tag = format!("<a href=\"{}\" {OUTSIDE}>", escape(&part));
                events.push(Event::Html(tag.into()));
                events.push(Event::Text(part.into()));
                events.push(Event::Html("</a>".into()));
            }
            _ => events.push(Event::Text(part.into())),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Target {
    Outside,
    Page,
}

/// Links leave the site only for http, https and mailto; scenario text may also link within
/// the page; anything else (javascript:, data:, ...) is refused. `//host` (and `/\host`, which
/// browsers read alike) leaves the site too, on the page's scheme.
fn target(url: &str, links: Links) -> Option<Target> {
    let lower: String = url
        .trim()
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    let mut start = lower.chars().take(2);
    let slash = |c: Option<char>| matches!(c, Some('/' | '\\'));
    if slash(start.next()) && slash(start.next()) {
        return (links == Links::AllowRelative).then_some(Target::Outside);
    }
    match lower.split_once(':') {
        Some((scheme, _))
            if !scheme.contains('/') && !scheme.contains('#') && !scheme.contains('?') =>
        {
            matches!(scheme, "http" | "https" | "mailto").then_some(Target::Outside)
        }
        _ => (links == Links::AllowRelative).then_some(Target::Page),
    }
}

fn code_block(lang: &str, text: &str) -> String {
    let highlighted = crate::highlight::highlight_lang(lang, text);
    let mut out = String::with_capacity(text.len() * 2);
    let suggestion = lang == "suggestion";
    if suggestion {
        out.push_str(
            "<div class=\"suggestion-block\"><p class=\"suggestion-title\">Suggested change</p>",
        );
        out.push_str("<pre class=\"suggestion\"><code>");
    } else if lang.is_empty() {
        out.push_str("<pre><code>");
    } else {
        out.push_str(&format!("<pre><code data-lang=\"{}\">", escape(lang)));
    }
    for (line, spans) in text.lines().zip(&highlighted.lines) {
        push_line(&mut out, line, spans, &[], None);
        out.push('\n');
    }
    out.push_str("</code></pre>");
    out.push_str(if suggestion { "</div>\n" } else { "\n" });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_escaped() {
        let out = to_html("hi <script>alert(1)</script>\n\n<div onclick=\"x\">b</div>\n");
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<div"), "{out}");
        assert!(out.contains("&lt;script&gt;"), "{out}");
    }

    #[test]
    fn gfm_tables_tasks_and_strikethrough() {
        let out = to_html("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n~~old~~\n");
        assert!(out.contains("<table>"), "{out}");
        assert!(out.contains("type=\"checkbox\""), "{out}");
        assert!(out.contains("<del>old</del>"), "{out}");
    }

    #[test]
    fn fenced_code_is_highlighted_and_escaped() {
        let out = to_html("```ts\nconst a = \"<b>\"; // note\n```\n");
        assert!(out.contains("class=\"hk\""), "{out}");
        assert!(out.contains("class=\"hc\""), "{out}");
        assert!(out.contains("&lt;b&gt;"), "{out}");
    }

    #[test]
    fn candidate_links_are_web_only() {
        let out = to_candidate_html(
            "[a](/s/x/) [b](https://e.test/) [c](mailto:a@e.test) [d](JavaScript:x)",
        );
        assert!(!out.contains("href=\"/s/x/\""), "{out}");
        assert!(out.contains("href=\"https://e.test/\""), "{out}");
        assert!(out.contains("href=\"mailto:a@e.test\""), "{out}");
        assert!(!out.to_ascii_lowercase().contains("javascript:"), "{out}");
        let scenario = to_html("[a](#file-1)");
        assert!(scenario.contains("href=\"#file-1\""), "{scenario}");
    }

    /// Found by the candidate_markdown fuzz target: footnotes gave candidate text element ids
    /// and `#` links. Candidate text keeps the page's rules: footnotes and tables stay text.
    #[test]
    fn candidate_footnotes_and_tables_stay_text() {
        let out = to_candidate_html("see[^n]\n\n[^n]: note\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(!out.contains(" id="), "{out}");
        assert!(!out.contains("href=\"#"), "{out}");
        assert!(!out.contains("<table"), "{out}");
        assert!(out.contains("| a | b |"), "{out}");
        assert!(to_html("see[^n]\n\n[^n]: note\n").contains("footnote"));
    }

    #[test]
    fn javascript_links_and_images_are_neutralised() {
        let out = to_html("[x](javascript:alert(1)) ![i](https://e.test/a.png)");
        assert!(!out.contains("javascript:"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains("href=\"https://e.test/a.png\""), "{out}");
    }
}
