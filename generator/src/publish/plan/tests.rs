use super::*;

fn file(key: &str, md5: &str) -> LocalFile {
    LocalFile {
        key: key.into(),
        path: PathBuf::from(key),
        size: 10,
        md5: md5.into(),
    }
}

fn remote(pairs: &[(&str, &str)]) -> Remote {
    pairs
        .iter()
        .map(|(k, e)| (k.to_string(), e.to_string()))
        .collect()
}

#[test]
fn only_changed_files_are_uploaded_assets_apart() {
    let local = [
        file("assets/js/review.aaaaaaaa.js", "1"),
        file("assets/css/site.bbbbbbbb.css", "2"),
        file("index.html", "3"),
        file("s/k1/index.html", "4"),
    ];
    let bucket = remote(&[
        ("assets/js/review.aaaaaaaa.js", "1"),
        ("index.html", "3"),
        ("s/k1/index.html", "old"),
    ]);
    let plan = plan(&local, &bucket, &BTreeSet::new(), false);
    let keys = |files: &[LocalFile]| files.iter().map(|f| f.key.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&plan.assets), ["assets/css/site.bbbbbbbb.css"]);
    assert_eq!(keys(&plan.pages), ["s/k1/index.html"]);
    assert_eq!(plan.unchanged, 2);
    assert_eq!(plan.invalidate, ["/s/k1/", "/s/k1/index.html"]);
}

#[test]
fn stale_pages_are_deleted_old_assets_kept_unless_asked() {
    let local = [
        file("index.html", "3"),
        file("assets/js/review.new00000.js", "n"),
    ];
    let bucket = remote(&[
        ("index.html", "3"),
        ("s/gone/index.html", "x"),
        ("assets/js/review.old00000.js", "o"),
        ("assets/js/review.new00000.js", "n"),
        ("assets/css/named.ccccccc.css", "c"),
    ]);
    let referenced = BTreeSet::from(["assets/css/named.ccccccc.css".to_string()]);
    let kept = plan(&local, &bucket, &referenced, false);
    assert_eq!(kept.stale_pages, ["s/gone/index.html"]);
    assert!(kept.prune.is_empty());
    assert_eq!(kept.old_assets, 2);
    assert_eq!(kept.invalidate, ["/s/gone/", "/s/gone/index.html"]);

    let pruned = plan(&local, &bucket, &referenced, true);
    assert_eq!(
        pruned.prune,
        ["assets/js/review.old00000.js"],
        "a named asset stays"
    );
    assert_eq!(pruned.old_assets, 1);
}

#[test]
fn nothing_changed_plans_nothing() {
    let local = [file("index.html", "3"), file("assets/a.js", "1")];
    let bucket = remote(&[("index.html", "3"), ("assets/a.js", "1")]);
    let plan = plan(&local, &bucket, &BTreeSet::new(), true);
    assert!(plan.is_empty(), "{plan:?}");
    assert!(plan.invalidate.is_empty());
}

#[test]
fn many_changed_pages_are_one_wildcard() {
    let local: Vec<LocalFile> = (0..60)
        .map(|i| file(&format!("s/k{i}/index.html"), "n"))
        .collect();
    let plan = plan(&local, &Remote::new(), &BTreeSet::new(), false);
    assert_eq!(plan.invalidate, ["/*"]);
}

#[test]
fn pages_name_their_assets() {
    let mut found = BTreeSet::new();
    referenced_assets(
        r#"<link href="/assets/css/site.1a2b3c4d.css" rel=stylesheet><script type="module" src='/assets/js/review.5e6f7a8b.js'></script> url(/assets/img/x.png?v=1)"#,
        &mut found,
    );
    let found: Vec<&str> = found.iter().map(String::as_str).collect();
    assert_eq!(
        found,
        [
            "assets/css/site.1a2b3c4d.css",
            "assets/img/x.png",
            "assets/js/review.5e6f7a8b.js"
        ]
    );
}

#[test]
fn content_types_by_extension() {
    assert_eq!(content_type("s/k/index.html"), "text/html; charset=utf-8");
    assert_eq!(
        content_type("assets/css/site.1a2b3c4d.css"),
        "text/css; charset=utf-8"
    );
    assert_eq!(
        content_type("assets/js/review.1a2b3c4d.js"),
        "text/javascript; charset=utf-8"
    );
    assert_eq!(
        content_type("assets/img/logo.12345678.svg"),
        "image/svg+xml"
    );
    assert_eq!(content_type("assets/font/x.12345678.woff2"), "font/woff2");
    assert_eq!(
        content_type("assets/blob.12345678.unknownext"),
        "application/octet-stream"
    );
    assert_eq!(cache_control("assets/a.js"), ASSET_CACHE);
    assert_eq!(cache_control("404.html"), PAGE_CACHE);
}
