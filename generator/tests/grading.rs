//! Recorded grading through every output: confirmed results where a grade of the exported
//! review counts, scoring's suggestions elsewhere, labelled so; two graders' disagreement and
//! their agreement per level (Cohen's kappa, computed by hand below) in `compare`; the grade
//! page's validation naming the field it refuses.

mod support;

use std::collections::BTreeMap;

use generator::cli::ExportFormat;
use generator::export::compare;
use generator::grading::{Subject, sheet};
use support::grades::{graded, sheet_json};
use support::{Contexts, context, records, states, written};

fn contexts() -> Contexts {
    let ctx = context();
    BTreeMap::from([(ctx.scenario.slug.clone(), ctx)])
}

fn compared(
    contexts: &Contexts,
    states: &[submit_fn::store::InviteState],
    format: ExportFormat,
) -> String {
    let records = records(contexts, states);
    let mut out = Vec::new();
    compare::write(&contexts["demo-review"], &records, format, None, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn two_graders_disagree_and_compare_shows_kappa_per_level() {
    let contexts = contexts();
    let states = graded(&contexts, &states(&contexts["demo-review"]));
    let md = compared(&contexts, &states, ExportFormat::Md);
    // By hand, one item per key issue of each of the 3 reviews both graded:
    // mid (retry-forever): Barbara F P M, Edsger F P M: all alike, p_o = 1,
    //   p_e = 3 * (1/3 * 1/3) = 1/3, kappa = (1 - 1/3) / (1 - 1/3) = 1.00.
    // junior (sql-injection): Barbara F M M, Edsger P M M: p_o = 2/3,
    //   p_e = 1/3 * 0 + 0 * 1/3 + 2/3 * 2/3 = 4/9, kappa = (6/9 - 4/9) / (5/9) = 0.40.
    // all 6: p_o = 5/6; Barbara F 2, P 1, M 3; Edsger F 1, P 2, M 3 (of 6):
    //   p_e = (2 + 2 + 9) / 36 = 13/36, kappa = (30 - 13) / (36 - 13) = 17/23 = 0.74.
    // senior: no issue of that level in the key: n/a.
    for row in [
        "| Barbara and Edsger | 3 | senior | 0 | 0 | n/a |",
        "| Barbara and Edsger | 3 | mid | 3 | 3 | 1.00 |",
        "| Barbara and Edsger | 3 | junior | 3 | 2 | 0.40 |",
        "| Barbara and Edsger | 3 | all | 6 | 5 | 0.74 |",
    ] {
        assert!(md.contains(row), "{row} missing from:\n{md}");
    }
    assert!(md.contains("## Where graders disagree"), "{md}");
    let disagreement = md
        .lines()
        .skip_while(|l| !l.starts_with("## Where graders disagree"))
        .find(|l| l.contains("found by Barbara, partly by Edsger"))
        .unwrap_or_else(|| panic!("no disagreement row in:\n{md}"));
    assert!(
        disagreement.contains("`aaaaaaaaaaaaaaaa`") && disagreement.contains("| junior |"),
        "{disagreement}"
    );

    let json: serde_json::Value =
        serde_json::from_str(&compared(&contexts, &states, ExportFormat::Json)).unwrap();
    let pair = &json["calibration"]["pairs"][0];
    assert_eq!(pair["graders"], serde_json::json!(["Barbara", "Edsger"]));
    assert_eq!(pair["levels"][2]["level"], "junior");
    assert_eq!(pair["levels"][2]["kappa"], 0.4);
    assert_eq!(pair["all"]["kappa"], 0.74);
    let disagreements = json["calibration"]["disagreements"].as_array().unwrap();
    assert_eq!(disagreements.len(), 1, "{disagreements:?}");
    assert_eq!(
        disagreements[0]["outcomes"],
        serde_json::json!({"Barbara": "found", "Edsger": "partly"})
    );
    // The per-issue cells say who decided: the agreed mid issue is confirmed by both.
    assert!(
        md.contains("found, confirmed by Barbara and Edsger"),
        "{md}"
    );
    let html = compared(&contexts, &states, ExportFormat::Html);
    assert!(
        html.contains("<h2>Agreement between graders</h2>")
            && html.contains("<td class=\"num\">0.40</td>"),
        "{html}"
    );
}

#[test]
fn exports_show_confirmed_results_where_graded_and_suggestions_elsewhere() {
    let contexts = contexts();
    let fixture = states(&contexts["demo-review"]);
    // Only Barbara, only the submitted invite.
    let mut states = graded(&contexts, &fixture);
    states[0].grades.retain(|g| g.grader == "Barbara");
    states[1].grades.clear();
    states[2].grades.clear();
    let records = records(&contexts, &states);

    let json: serde_json::Value =
        serde_json::from_str(&written(&contexts, &records, ExportFormat::Json)).unwrap();
    assert_eq!(json["version"], 3);
    let first = &json["records"][0];
    assert_eq!(
        first["results"]["sql-injection-qx7"]["label"],
        "found, confirmed by Barbara"
    );
    assert_eq!(first["grades"][0]["sheet"]["recommendation"], "yes");
    assert_eq!(first["grades"][0]["current"], true);
    assert_eq!(
        json["records"][1]["results"]["sql-injection-qx7"]["label"],
        "missed, suggested by scoring"
    );
    assert_eq!(json["records"][1]["grades"], serde_json::json!([]));

    let md = written(&contexts, &records, ExportFormat::Md);
    assert!(md.contains("## Results, confirmed by Barbara"), "{md}");
    assert!(md.contains("### Graded by Barbara: Yes"), "{md}");
    assert!(md.contains("## Results, suggested by scoring"), "{md}");
    let html = written(&contexts, &records, ExportFormat::Html);
    assert!(
        html.contains("Results, confirmed by Barbara")
            && html.contains("<span class=\"mark-found\">found, confirmed by Barbara</span>"),
        "{html}"
    );
    assert!(html.contains("Results, suggested by scoring"), "{html}");
    let csv = written(&contexts, &records, ExportFormat::Csv);
    assert!(csv.contains("\"found, confirmed by Barbara\""), "{csv}");
    assert!(csv.contains("\"missed, suggested by scoring\""), "{csv}");
    assert!(
        csv.contains("\"Barbara: Yes\""),
        "the summary row carries the recommendation:\n{csv}"
    );
    assert!(
        csv.contains("retry-forever-qx7: confirmed by Barbara"),
        "the match decision:\n{csv}"
    );

    let compare_md = compared(&contexts, &states, ExportFormat::Md);
    assert!(
        compare_md.contains("| confirmed by Barbara | Barbara: Yes |"),
        "{compare_md}"
    );
    assert!(
        compare_md.contains("| suggested by scoring | - |"),
        "{compare_md}"
    );
    assert!(
        !compare_md.contains("Agreement between graders"),
        "one grader: nothing to calibrate"
    );
}

#[test]
fn a_grade_of_another_review_is_shown_but_not_counted() {
    let contexts = contexts();
    let mut states = graded(&contexts, &states(&contexts["demo-review"]));
    for grade in &mut states[0].grades {
        grade.review_id = "sub-0".into();
    }
    let records = records(&contexts, &states);
    let first = &records[0];
    assert!(first.grades.iter().all(|g| !g.current));
    assert_eq!(
        first.results["sql-injection-qx7"].label,
        "found, suggested by scoring"
    );
    assert!(
        first
            .warnings
            .iter()
            .any(|w| w.contains("is of review sub-0, not of the exported sub-1")),
        "{:?}",
        first.warnings
    );
}

#[test]
fn validation_names_the_refused_field() {
    let contexts = contexts();
    let states = states(&contexts["demo-review"]);
    let records = records(&contexts, &states);
    let subject = Subject {
        record: &records[0],
        context: &contexts["demo-review"],
    };
    let good = sheet_json(&contexts, &states, 0, ("found", "found"), "yes");
    let field = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut body = good.clone();
        edit(&mut body);
        sheet::validate(&body, &subject).unwrap_err().field
    };
    assert_eq!(
        field(&|b| b["recommendation"] = "maybe".into()),
        "/recommendation"
    );
    assert_eq!(
        field(&|b| {
            b.as_object_mut().unwrap().remove("recommendation");
        }),
        "/recommendation"
    );
    assert_eq!(
        field(&|b| {
            b["issues"]
                .as_object_mut()
                .unwrap()
                .remove("retry-forever-qx7");
        }),
        "/issues/retry-forever-qx7"
    );
    assert_eq!(
        field(&|b| b["issues"]["retry-forever-qx7"]["outcome"] = "most".into()),
        "/issues/retry-forever-qx7/outcome"
    );
    assert_eq!(
        field(&|b| b["issues"]["no-such"] = serde_json::json!({"outcome": "found"})),
        "/issues/no-such"
    );
    assert_eq!(
        field(&|b| b["issues"]["sql-injection-qx7"]["matches"]["c1"] = "confirmed".into()),
        "/issues/sql-injection-qx7/matches/c1"
    );
    assert_eq!(
        field(&|b| b["issues"]["sql-injection-qx7"]["matches"]["c2"] = "sure".into()),
        "/issues/sql-injection-qx7/matches/c2"
    );
    assert_eq!(
        field(&|b| {
            b["issues"]["sql-injection-qx7"]["matches"]
                .as_object_mut()
                .unwrap()
                .remove("c2");
        }),
        "/issues/sql-injection-qx7/matches/c2"
    );
    assert_eq!(field(&|b| b["extras"]["c1"] = "valid".into()), "/extras/c1");
    assert_eq!(field(&|b| b["notes"] = "bell \u{7}".into()), "/notes");
    assert_eq!(field(&|b| b["score"] = 10.into()), "/score");
    assert_eq!(
        sheet::validate(&serde_json::json!([]), &subject)
            .unwrap_err()
            .field,
        ""
    );
    assert_eq!(sheet::pointer(&["issues", "a/b~c"]), "/issues/a~1b~0c");
}

/// An invite with nothing saved is shown by its state as `invites` says it (revoked, started,
/// expired), with no count, not as a candidate who found nothing; a saved draft keeps its counts.
#[test]
fn compare_shows_an_invite_with_nothing_saved_apart_from_a_score() {
    let contexts = contexts();
    let mut states = states(&contexts["demo-review"]);
    let unsaved = states[2].clone();
    for (id, name, started) in [
        ("dddddddddddddddd", "Margaret H.", true),
        ("eeeeeeeeeeeeeeee", "Donald K.", false),
    ] {
        let mut state = unsaved.clone();
        state.invite.id = id.into();
        state.invite.candidate = name.into();
        state.invite.revoked_at = None;
        state.invite.started_at = started.then_some(state.invite.created_at);
        states.push(state);
    }
    let md = compared(&contexts, &states, ExportFormat::Md);
    let row = |who: &str| {
        md.lines()
            .find(|l| l.starts_with(&format!("| {who}")))
            .unwrap_or_else(|| panic!("no row for {who} in:\n{md}"))
            .to_string()
    };
    let linus = row("Linus T.");
    assert!(
        linus.contains("| revoked | nothing saved yet | - | - |") && !linus.contains(" / "),
        "{linus}"
    );
    // Started (Start pressed, nothing saved) and expired (never started, past its last day).
    assert!(
        row("Margaret H.").contains("| started | nothing saved yet | - |"),
        "{md}"
    );
    assert!(
        row("Donald K.").contains("| expired | nothing saved yet | - |"),
        "{md}"
    );
    let grace = row("Grace H.");
    assert!(
        grace.contains("| draft | suggested by scoring |") && grace.contains(" / "),
        "{grace}"
    );
    let html = compared(&contexts, &states, ExportFormat::Html);
    assert!(html.contains("nothing saved yet"), "{html}");
}
