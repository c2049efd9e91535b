// SPDX-License-Identifier: EUPL-1.2
//! The public-software files at the repository root (issue 21): the
//! publiccode.yml parses and states the workspace's version and licence, and
//! LICENSE is the EUPL-1.2. Kept here because `cargo test --workspace` runs
//! it; the files belong to the whole repository, not to `buig-core`.

use std::path::PathBuf;

use serde_norway::Value;

/// A file at the repository root.
fn lees(naam: &str) -> String {
    let pad = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").join(naam);
    std::fs::read_to_string(&pad).unwrap_or_else(|e| panic!("{} is not readable: {e}", pad.display()))
}

fn publiccode() -> Value {
    serde_norway::from_str(&lees("publiccode.yml")).expect("publiccode.yml is valid YAML")
}

/// `[workspace.package] version` of the root Cargo.toml.
fn workspace_versie() -> String {
    let cargo: toml::Table = lees("Cargo.toml").parse().expect("Cargo.toml is valid TOML");
    cargo["workspace"]["package"]["version"].as_str().expect("a workspace version").to_string()
}

fn tekst<'a>(v: &'a Value, pad: &[&str]) -> &'a str {
    pad.iter().fold(v, |v, k| &v[*k]).as_str().unwrap_or_else(|| panic!("publiccode.yml has no text at {}", pad.join(".")))
}

#[test]
fn publiccode_yml_states_the_workspace_version_and_the_eupl() {
    let p = publiccode();
    assert_eq!(tekst(&p, &["publiccodeYmlVersion"]), "0.4");
    assert_eq!(tekst(&p, &["name"]), "buig-monitor");
    assert_eq!(tekst(&p, &["softwareVersion"]), workspace_versie(), "softwareVersion follows Cargo.toml");
    assert_eq!(tekst(&p, &["legal", "license"]), "EUPL-1.2");
}

#[test]
fn publiccode_yml_describes_the_software_in_dutch_and_english_within_the_standards_lengths() {
    let p = publiccode();
    for taal in ["nl", "en"] {
        let kort = tekst(&p, &["description", taal, "shortDescription"]);
        let lang = tekst(&p, &["description", taal, "longDescription"]);
        assert!(kort.chars().count() <= 150, "{taal}: shortDescription is at most 150 characters");
        assert!(lang.chars().count() >= 150, "{taal}: longDescription is at least 150 characters");
        assert!(p["description"][taal]["features"].as_sequence().is_some_and(|f| !f.is_empty()), "{taal}: features are listed");
    }
}

#[test]
fn license_is_the_eupl_1_2() {
    let l = lees("LICENSE");
    assert!(l.starts_with("EUROPEAN UNION PUBLIC LICENCE v. 1.2"), "LICENSE opens with the EUPL-1.2 title");
    assert!(l.contains("European Union Public Licence (EUPL) v. 1.1, v. 1.2"), "LICENSE has the appendix of compatible licences");
}
