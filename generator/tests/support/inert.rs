//! What "inert" means for HTML made from a candidate's markdown: only known tags, no event
//! handlers, links only with the http, https or mailto scheme. Shared by the proptest in
//! `markdown_cases.rs` and the `candidate_markdown` fuzz target (included by path).

use regex::Regex;

/// Every tag the report may emit from a candidate's text; anything else would be markup the
/// candidate smuggled in.
const ALLOWED: &[&str] = &[
    "p",
    "a",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "span",
    "div",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "br",
];

/// The compiled patterns, built once per caller.
pub struct Inert {
    tag: Regex,
    handler: Regex,
    link: Regex,
}

impl Inert {
    pub fn new() -> Inert {
        Inert {
            tag: Regex::new(r"<(/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>").unwrap(),
            handler: Regex::new(r"\son[a-z]+\s*=").unwrap(),
            link: Regex::new(r#"(?:href|src)="([^"]*)""#).unwrap(),
        }
    }

    /// The first thing in `html` that is not inert, if any.
    pub fn problem(&self, html: &str) -> Option<String> {
        for found in self.tag.captures_iter(html) {
            let name = found[2].to_ascii_lowercase();
            if !ALLOWED.contains(&name.as_str()) {
                return Some(format!("tag {name}"));
            }
            let attrs = found[3].to_ascii_lowercase();
            if self.handler.is_match(&attrs) {
                return Some(format!("event handler in <{name}{attrs}>"));
            }
            for link in self.link.captures_iter(&attrs) {
                let url = &link[1];
                let allowed = ["https:", "http:", "mailto:"];
                if !allowed.iter().any(|scheme| url.starts_with(scheme)) {
                    return Some(format!("link to {url}"));
                }
            }
        }
        None
    }
}
