// SPDX-License-Identifier: EUPL-1.2
//! The `buig` binary as a user meets it: exit codes, messages naming the
//! field, the JSON contract, and the flag form agreeing with the file form.

use std::path::PathBuf;
use std::process::{Command, Output};

fn buig(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_buig")).args(args).current_dir(root()).output().expect("buig runs")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn temp_file(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("buig-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

/// Asserts a refusal: exit code 2, one message on stderr containing `needle`, no panic.
fn refused(o: &Output, needle: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert!(err.contains(needle), "expected {needle:?} in {err:?}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(stdout(o).is_empty());
}

const KEYS: [&str; 19] = [
    "jaar",
    "regel",
    "status",
    "tekort",
    "tekort_percentage",
    "drempel_percentage",
    "drempel_bedrag",
    "voorwaarde_a",
    "meerjarig_tekort",
    "voorwaarde_b",
    "aanhoudend_tekort",
    "recht",
    "vangnetuitkering",
    "eigen_risico",
    "formulier",
    "stappen",
    "uitleg",
    "bronnen",
    "waarschuwingen",
];

#[test]
fn the_readme_example_prints_a_dutch_explanation() {
    let o = buig(&["vangnet", "--invoer", "examples/deventer-2023.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    for want in ["€ 149.870", "8,21%", "€ 3.148.840", "uitgebreid verzoek", "15 augustus 2024", "Voorwaarde b"] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
}

#[test]
fn json_output_has_every_contract_key() {
    let o = buig(&["vangnet", "--invoer", "examples/deventer-2023.json", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    for k in KEYS {
        assert!(v.get(k).is_some(), "missing key {k}");
    }
    assert_eq!(v["vangnetuitkering"], 149_870);
    assert_eq!(v["tekort_percentage"], 8.21);
    assert_eq!(v["recht"], true);
    let steps: Vec<&str> = v["stappen"].as_array().unwrap().iter().map(|s| s["symbool"].as_str().unwrap()).collect();
    assert_eq!(steps, ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "H3", "I"]);
}

#[test]
fn the_flag_form_gives_the_same_answer_as_the_file_form() {
    let file = buig(&["vangnet", "--invoer", "examples/deventer-2023.json", "--json"]);
    let flags = buig(&[
        "vangnet",
        "--jaar",
        "2023",
        "--budget",
        "41984531",
        "--tekort",
        "3448580",
        "--tekort-vorig",
        "2022=3668940",
        "--tekort-vorig",
        "2021=-1000000",
        "--budget-vorig",
        "2022=37060000",
        "--budget-vorig",
        "2021=36000000",
        "--verleend",
        "2022",
        "--gemeente",
        "Deventer",
        "--inwoners",
        "103405",
        "--json",
    ]);
    assert!(flags.status.success(), "{}", stderr(&flags));
    let mut a: serde_json::Value = serde_json::from_str(&stdout(&file)).unwrap();
    let b: serde_json::Value = serde_json::from_str(&stdout(&flags)).unwrap();
    // The file carries a note on its sources; everything else must agree.
    a.as_object_mut().unwrap().insert("opmerking".into(), serde_json::Value::Null);
    assert_eq!(a, b);
}

#[test]
fn flags_accept_dutch_amounts() {
    let o = buig(&[
        "vangnet",
        "--jaar",
        "2023",
        "--budget",
        "41.984.531",
        "--tekort",
        "€ 3.448.580,00",
        "--tekort-vorig",
        "2022=3.668.940",
        "--tekort-vorig",
        "2021=-1.000.000",
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["vangnetuitkering"], 149_870);
}

#[test]
fn toml_input_is_read_by_its_extension() {
    let o = buig(&["vangnet", "--invoer", "examples/bedum-2018.toml", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["vangnetuitkering"], 50_767);
}

#[test]
fn a_year_before_2015_is_refused_with_the_covered_years() {
    let p = temp_file("2014.json", r#"{"jaar": 2014, "jaren": {"2014": {"budget": 1000000, "tekort": 200000}}}"#);
    refused(&buig(&["vangnet", "--invoer", p.to_str().unwrap(), "--json"]), "2015 t/m 2026");
    refused(&buig(&["vangnet", "--jaar", "2027", "--budget", "1", "--tekort", "1"]), "2015 t/m 2026");
}

#[test]
fn a_missing_or_negative_budget_is_refused_naming_the_field() {
    refused(&buig(&["vangnet", "--jaar", "2023", "--tekort", "1"]), "jaren.2023.budget");
    let p = temp_file("neg.json", r#"{"jaar": 2023, "jaren": {"2023": {"budget": -1, "tekort": 1}}}"#);
    refused(&buig(&["vangnet", "--invoer", p.to_str().unwrap()]), "jaren.2023.budget");
}

#[test]
fn malformed_json_is_refused_with_its_position() {
    let p = temp_file("kapot.json", "{\"jaar\": 2023,\n \"jaren\": {\"2023\": {\"budget\": 1,}}}");
    refused(&buig(&["vangnet", "--invoer", p.to_str().unwrap()]), "geen geldige JSON (regel 2");
}

#[test]
fn an_unknown_field_is_refused_by_name() {
    let p = temp_file("typo.json", r#"{"jaar": 2023, "jaren": {"2023": {"budget": 1, "tekrot": 1}}}"#);
    refused(&buig(&["vangnet", "--invoer", p.to_str().unwrap()]), "tekrot");
}

#[test]
fn a_missing_file_is_refused_with_its_name() {
    refused(&buig(&["vangnet", "--invoer", "bestaat-niet.json"]), "bestaat-niet.json");
}

#[test]
fn a_bad_amount_flag_is_a_usage_error() {
    let o = buig(&["vangnet", "--jaar", "2023", "--budget", "veel", "--tekort", "1"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("veel"));
}

#[test]
fn regels_lists_every_period_with_its_status() {
    let o = buig(&["regels"]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(text.contains("2015 t/m 2026") && text.contains("Vangnet 2019–2020") && text.contains("Vangnet 2021–2024"));
    // Three levels: 2018 bevestigd, 2019–2020 afgeleid, 2026 entirely onbevestigd.
    assert!(text.contains("Vangnet 2018 (2018 t/m 2018) — bevestigd"), "{text}");
    assert!(text.contains("Vangnet 2019–2020 (2019 t/m 2020) — deels afgeleid"), "{text}");
    assert!(text.contains("(2026 t/m 2026) — onbevestigd"), "{text}");
    let json = buig(&["regels", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 8);
}

/// Issue "Fit for Dutch public software" 4: no English word from clap in the help or an argument error.
#[test]
fn the_help_and_argument_errors_speak_dutch_only() {
    let engels = [
        "Usage",
        "Options",
        "Commands",
        "Arguments",
        "Print help",
        "Print version",
        "error:",
        "unexpected argument",
        "For more information",
        "tip:",
        "[OPTIONS]",
        "[default",
        "possible values",
        "required",
        "the following",
        "invalid",
        "found",
        "help",
    ];
    let nazien = |args: &[&str]| {
        let o = buig(args);
        let tekst = format!("{}{}", stdout(&o), stderr(&o));
        // `--help` itself is the flag's name; every other occurrence of "help" would be English.
        let zonder_vlag = tekst.replace("--help", "");
        for w in engels {
            assert!(!zonder_vlag.contains(w), "{args:?} says {w:?}:\n{tekst}");
        }
        (o, tekst)
    };
    let (o, t) = nazien(&["--help"]);
    assert!(o.status.success() && t.contains("Gebruik: buig <OPDRACHT>") && t.contains("Opdrachten:") && t.contains("Toon deze hulp"));
    let (_, t) = nazien(&["vangnet", "--help"]);
    assert!(t.contains("Gebruik: buig vangnet [OPTIES]") && t.contains("--invoer <CASUS.json>") && t.contains("Voorbeelden:"), "{t}");
    assert!(!t.contains("--input"), "the old name is a hidden alias");
    let (o, t) = nazien(&["vangnet", "--jar", "2023"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(t.contains("onbekende optie of argument '--jar'; bedoelt u '--jaar'?"), "{t}");
    let (o, t) = nazien(&["vangnet", "--jaar", "twee"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(t.contains("--jaar <JAAR>: 'twee' is geen geheel getal"), "{t}");
    let (_, t) = nazien(&["rapport"]);
    assert!(t.contains("ontbreekt:"), "{t}");
    let (_, t) = nazien(&["rapport", "--help"]);
    for soort in ["notitie-vangnet", "raadsmededeling", "monitor"] {
        assert!(t.contains(soort), "{soort}: {t}");
    }
    nazien(&["onzin"]);
}

#[test]
fn every_subcommand_help_ends_with_examples() {
    let top = stdout(&buig(&["--help"]));
    let opdrachten: Vec<String> = top
        .lines()
        .skip_while(|l| !l.starts_with("Opdrachten:"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect();
    assert!(opdrachten.len() >= 15, "{top}");
    for o in &opdrachten {
        let help = stdout(&buig(&[o, "--help"]));
        assert!(help.contains("Voorbeeld"), "buig {o} --help has no examples:\n{help}");
        let subs: Vec<String> = help
            .lines()
            .skip_while(|l| !l.starts_with("Opdrachten:"))
            .skip(1)
            .take_while(|l| !l.is_empty())
            .map(|l| l.split_whitespace().next().unwrap().to_string())
            .collect();
        for s in subs {
            let h = stdout(&buig(&[o, &s, "--help"]));
            assert!(h.contains("Voorbeeld"), "buig {o} {s} --help has no examples:\n{h}");
        }
    }
}

#[test]
fn the_old_flag_input_still_reads_a_case_file() {
    let o = buig(&["vangnet", "--input", "examples/deventer-2023.json", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("\"vangnetuitkering\": 149870"));
}
