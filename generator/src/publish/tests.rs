use super::*;

fn section(bucket: Option<&str>, distribution: Option<&str>, stack: Option<&str>) -> PublishConfig {
    PublishConfig {
        bucket: bucket.map(str::to_string),
        distribution_id: distribution.map(str::to_string),
        stack: stack.map(str::to_string),
        region: None,
    }
}

fn refusal(publish: &PublishConfig, flag: Option<&str>) -> String {
    format!("{:#}", destination(publish, flag).unwrap_err())
}

#[test]
fn bucket_with_distribution_or_a_stack() {
    let direct = section(Some("site"), Some("E123"), None);
    assert_eq!(
        destination(&direct, None).unwrap(),
        Destination::Target(Target {
            bucket: "site".into(),
            distribution: "E123".into()
        })
    );
    let stack = section(None, None, Some("reviewroom"));
    assert_eq!(
        destination(&stack, None).unwrap(),
        Destination::Stack("reviewroom".into())
    );
    // --stack wins over the whole section, even a half-filled one.
    let half = section(Some("site"), None, None);
    assert_eq!(
        destination(&half, Some("prod")).unwrap(),
        Destination::Stack("prod".into())
    );
}

#[test]
fn every_refusal_names_its_field() {
    let cases = [
        (section(Some("site"), None, None), "distribution_id"),
        (section(None, Some("E123"), None), "no bucket"),
        (section(Some(" "), Some("E123"), None), "[publish] bucket"),
        (
            section(Some("site"), Some(""), None),
            "[publish] distribution_id",
        ),
        (section(None, None, Some("")), "[publish] stack"),
        (
            section(Some("site"), Some("E123"), Some("rr")),
            "sets stack and also bucket",
        ),
        (section(None, None, None), "--stack NAME"),
    ];
    for (publish, field) in cases {
        let message = refusal(&publish, None);
        assert!(message.contains(field), "{publish:?}: {message}");
        assert!(message.contains(crate::config::CONFIG_FILE), "{message}");
    }
    assert!(refusal(&section(None, None, None), Some(" ")).contains("--stack is empty"));
}
