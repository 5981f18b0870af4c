//! Rewrites a JS module's relative imports (`from './api.js'`, `import './x.js'`,
//! `import('./x.js')`) to the fingerprinted names, so the browser loads what was published.

use std::collections::BTreeMap;

/// `importer` and the keys of `names` are logical paths under static/ (`js/review.js`).
pub fn rewrite(importer: &str, text: &str, names: &BTreeMap<String, String>) -> String {
    let base = importer.rsplit_once('/').map(|(dir, _)| dir).unwrap_or("");
    let mut out = String::with_capacity(text.len() + 64);
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let keyword = ["from", "import"]
            .into_iter()
            .find(|k| bytes[i..].starts_with(k.as_bytes()) && boundary_before(bytes, i));
        let Some(keyword) = keyword else {
            i += 1;
            continue;
        };
        let mut j = i + keyword.len();
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if keyword == "import" && j < bytes.len() && bytes[j] == b'(' {
            j += 1;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
        }
        let Some(&quote) = bytes.get(j) else { break };
        if quote != b'\'' && quote != b'"' {
            i += keyword.len();
            continue;
        }
        let start = j + 1;
        let Some(len) = text[start..].find(quote as char) else {
            break;
        };
        let spec = &text[start..start + len];
        if let Some(target) = resolve(base, spec).and_then(|logical| names.get(&logical)) {
            let file = target.rsplit('/').next().unwrap_or(target);
            let prefix = spec.rsplit_once('/').map(|(dir, _)| dir).unwrap_or(".");
            out.push_str(&text[copied..start]);
            out.push_str(prefix);
            out.push('/');
            out.push_str(file);
            copied = start + len;
        }
        i = start + len + 1;
    }
    out.push_str(&text[copied..]);
    out
}

fn boundary_before(bytes: &[u8], i: usize) -> bool {
    i == 0
        || !(bytes[i - 1].is_ascii_alphanumeric()
            || bytes[i - 1] == b'_'
            || bytes[i - 1] == b'$'
            || bytes[i - 1] == b'.')
}

/// `./api.js` from `js` -> `js/api.js`; only relative specifiers resolve.
fn resolve(base: &str, spec: &str) -> Option<String> {
    if !(spec.starts_with("./") || spec.starts_with("../")) {
        return None;
    }
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for part in spec.split('/') {
        match part {
            "." | "" => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> BTreeMap<String, String> {
        [
            ("js/api.js", "js/api.11111111.js"),
            ("js/lib/x.js", "js/lib/x.22222222.js"),
            ("js/review.js", "js/review.33333333.js"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
    }

    #[test]
    fn survives_non_ascii_text_around_keywords() {
        let src = "// a range – from 'x' to “y”\nconst t = `${a}–${b}`;\nimport { a } from './api.js';\n// from “./api.js”\n";
        let out = rewrite("js/review.js", src, &names());
        assert!(out.contains("from './api.11111111.js'"), "{out}");
        assert!(out.contains("a range – from 'x'"), "{out}");
    }

    #[test]
    fn rewrites_static_dynamic_and_side_effect_imports() {
        let src = "import { a } from './api.js';\nimport \"./lib/x.js\";\nconst m = await import('./api.js');\nexport { b } from './lib/x.js';\n";
        let out = rewrite("js/review.js", src, &names());
        assert!(out.contains("from './api.11111111.js'"), "{out}");
        assert!(out.contains("import \"./lib/x.22222222.js\""), "{out}");
        assert!(out.contains("import('./api.11111111.js')"), "{out}");
        assert!(
            out.contains("export { b } from './lib/x.22222222.js'"),
            "{out}"
        );
    }

    #[test]
    fn non_ascii_text_around_imports_is_kept() {
        let src = "// a range – or a file; “quoted” ✓\nimport { a } from './api.js'; // é\n";
        let out = rewrite("js/review.js", src, &names());
        assert!(out.contains("from './api.11111111.js'; // é"), "{out}");
        assert!(
            out.starts_with("// a range – or a file; “quoted” ✓\n"),
            "{out}"
        );
    }

    #[test]
    fn parent_paths_resolve_and_others_stay() {
        let src = "import { r } from '../review.js';\nimport z from 'https://e.test/z.js';\nconst imported = 'from ./api.js';\n";
        let out = rewrite("js/lib/x.js", src, &names());
        assert!(out.contains("from '../review.33333333.js'"), "{out}");
        assert!(out.contains("'https://e.test/z.js'"), "{out}");
        assert!(out.contains("'from ./api.js'"), "{out}");
    }

    proptest::proptest! {
        /// Any module text survives: no panic, and without imports it comes back unchanged.
        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,80}", tail in "(from|import)? ?['\"(]?\\.?/?\\PC{0,8}") {
            let src = format!("{text}{tail}");
            let out = rewrite("js/review.js", &src, &names());
            if !src.contains("./api.js") && !src.contains("./lib/x.js") && !src.contains("./review.js") {
                proptest::prop_assert_eq!(out, src);
            }
        }
    }
}
