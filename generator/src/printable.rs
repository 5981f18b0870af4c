//! Text from candidates and scenarios made safe to show: no control character reaches a
//! terminal, a spreadsheet or a report. Every human-facing output (`export` md, html, csv,
//! `compare`, `invites`) passes its text through here, and CLI inputs are checked here.
//!
//! C0 controls (but newline and tab), DEL and C1 controls could move the cursor, rewrite the
//! screen or the clipboard (OSC 52) or hide a link (OSC 8); bidirectional overrides make text
//! read differently from what it is. Each is shown as a visible `\u{..}` escape instead.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` is never shown as it is: a control (but `\n`, `\t`) or a bidi control.
pub fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Unicode's bidirectional formatting characters (the "Trojan Source" set and the marks).
fn is_bidi(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every hidden character written as `\u{1b}`: kept visible, never acted on.
pub fn escape(text: &str) -> Cow<'_, str> {
    escape_hidden(text, |out, c| {
        let _ = write!(out, "\\u{{{:x}}}", c as u32);
    })
}

/// `text` with each hidden character written by `write`, the rest as it is; borrowed when
/// there is none.
fn escape_hidden(text: &str, write: impl Fn(&mut String, char)) -> Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hidden(c) {
            write(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// CRLF and a lone CR become LF, as CommonMark and terminals would read them, so a line break
/// cannot hide from code that splits on `\n`.
pub fn normalise_newlines(text: &str) -> Cow<'_, str> {
    if !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Multi-line candidate text for display: line endings normalised, the rest escaped.
pub fn text(text: &str) -> String {
    escape(&normalise_newlines(text)).into_owned()
}

/// One line for a table cell or a heading: line breaks and tabs become spaces, the rest
/// escaped.
pub fn line(text: &str) -> String {
    escape(&normalise_newlines(text)).replace(['\n', '\t'], " ")
}

/// JSON text with every hidden character inside its strings written as a `\uXXXX` escape:
/// the same data, but inert when printed. serde_json leaves C1 and bidi characters raw.
pub fn json(serialised: &str) -> Cow<'_, str> {
    // Outside strings serde_json writes only newlines and spaces, so any hidden character is
    // inside a string, where an escape means the same character.
    escape_hidden(serialised, |out, c| {
        let _ = write!(out, "\\u{:04x}", c as u32);
    })
}

/// Refuses a command-line value holding a control or bidi character, naming the flag.
pub fn check_input(flag: &str, value: &str) -> anyhow::Result<()> {
    if let Some(c) = value
        .chars()
        .find(|&c| is_hidden(c) || c == '\n' || c == '\t')
    {
        anyhow::bail!(
            "{flag} {value:?} holds the control character U+{:04X}: use plain text",
            c as u32
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_are_shown_escaped() {
        let hostile = "a\u{1b}]52;c;ZXZpbA==\u{7}b\u{9b}31m\u{202e}txt.exe\u{7f}";
        let out = escape(hostile);
        assert!(!out.chars().any(is_hidden), "{out:?}");
        assert_eq!(
            out,
            "a\\u{1b}]52;c;ZXZpbA==\\u{7}b\\u{9b}31m\\u{202e}txt.exe\\u{7f}"
        );
        assert_eq!(
            escape("tabs\tand\nnewlines stay"),
            "tabs\tand\nnewlines stay"
        );
        assert_eq!(line("one\r\ntwo\rthree\tfour"), "one two three four");
        assert_eq!(text("a\rb\r\nc"), "a\nb\nc");
    }

    #[test]
    fn json_stays_the_same_data() {
        let value = serde_json::json!({"name": "x\u{9b}y\u{202e}z\u{1b}"});
        let raw = serde_json::to_string_pretty(&value).unwrap();
        let safe = json(&raw);
        assert!(!safe.chars().any(is_hidden), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn inputs_with_controls_are_refused() {
        assert!(check_input("--candidate", "Ada L.").is_ok());
        for bad in ["a\u{1b}[2J", "a\nb", "\u{202e}x", "a\u{85}"] {
            let err = check_input("--candidate", bad).unwrap_err().to_string();
            assert!(err.contains("--candidate") && err.contains("U+"), "{err}");
        }
    }
}
