//! Stage 4, `markdown`: the one place that fixes pulldown-cmark's options. GitHub-flavoured
//! (tables, task lists, strikethrough, footnotes); raw HTML is escaped, never passed through;
//! fenced code goes through the same highlighter as the diff.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd, html};

use crate::render::html::{escape, push_line};

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM
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

fn render(markdown: &str, links: Links) -> String {
    let mut events = Vec::new();
    let mut code: Option<(String, String)> = None;
    for event in Parser::new_ext(markdown, options()) {
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
            (None, Event::Html(raw)) | (None, Event::InlineHtml(raw)) => {
                events.push(Event::Text(raw))
            }
            (
                None,
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }),
            ) if !safe_url(&dest_url, links) => events.push(Event::Start(Tag::Link {
                link_type,
                dest_url: "#".into(),
                title,
                id,
            })),
            (None, Event::Start(Tag::Image { dest_url, .. })) => {
                // Images would load from elsewhere; show them as links instead.
                let url = if safe_url(&dest_url, links) {
                    dest_url
                } else {
                    "#".into()
                };
                events.push(Event::Html(format!("<a href=\"{}\">", escape(&url)).into()));
            }
            (None, Event::End(TagEnd::Image)) => events.push(Event::Html("</a>".into())),
            (None, event) => events.push(event),
        }
    }
    let mut out = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut out, events.into_iter());
    out
}

/// Links only for http, https and mailto; scenario text may also link within the page.
fn safe_url(url: &str, links: Links) -> bool {
    let lower: String = url
        .trim()
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    match lower.split_once(':') {
        Some((scheme, _))
            if !scheme.contains('/') && !scheme.contains('#') && !scheme.contains('?') =>
        {
            matches!(scheme, "http" | "https" | "mailto")
        }
        _ => links == Links::AllowRelative,
    }
}

fn code_block(lang: &str, text: &str) -> String {
    let highlighted = crate::highlight::highlight_lang(lang, text);
    let mut out = String::with_capacity(text.len() * 2);
    if lang.is_empty() {
        out.push_str("<pre><code>");
    } else {
        out.push_str(&format!("<pre><code data-lang=\"{}\">", escape(lang)));
    }
    for (line, spans) in text.lines().zip(&highlighted.lines) {
        push_line(&mut out, line, spans, &[], None);
        out.push('\n');
    }
    out.push_str("</code></pre>\n");
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

    #[test]
    fn javascript_links_and_images_are_neutralised() {
        let out = to_html("[x](javascript:alert(1)) ![i](https://e.test/a.png)");
        assert!(!out.contains("javascript:"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains("href=\"https://e.test/a.png\""), "{out}");
    }
}
