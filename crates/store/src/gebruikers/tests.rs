// SPDX-License-Identifier: EUPL-1.2
//! Tests of roles, names, generated passwords and the session's `Debug`.

use super::geheim::willekeurig_wachtwoord;
use super::model::{geldige_naam, sterk_genoeg, Rol};
use super::sessies::Sessie;

#[test]
fn roles_are_ordered_by_rights_and_read_in_dutch_and_english() {
    assert!(Rol::Lezer < Rol::Bewerker && Rol::Bewerker < Rol::Beheerder);
    for r in Rol::ALLE {
        assert_eq!(r.as_str().parse::<Rol>().unwrap(), r);
    }
    assert_eq!("Admin".parse::<Rol>().unwrap(), Rol::Beheerder);
    assert_eq!("viewer".parse::<Rol>().unwrap(), Rol::Lezer);
    assert_eq!("editor".parse::<Rol>().unwrap(), Rol::Bewerker);
    assert!("baas".parse::<Rol>().unwrap_err().contains("geen rol"));
}

#[test]
fn names_are_lowercased_and_limited_to_a_safe_alphabet() {
    assert_eq!(geldige_naam(" Jan.de-Vries@gm0150 ").unwrap(), "jan.de-vries@gm0150");
    assert!(geldige_naam("").is_err());
    assert!(geldige_naam("jan de vries").is_err());
    assert!(geldige_naam("jan<script>").is_err());
    assert!(geldige_naam(&"a".repeat(64)).is_ok());
    assert!(geldige_naam(&"a".repeat(65)).is_err());
}

#[test]
fn a_generated_password_has_the_length_asked_and_is_strong_enough() {
    let a = willekeurig_wachtwoord(20).unwrap();
    let b = willekeurig_wachtwoord(20).unwrap();
    assert_eq!(a.chars().count(), 20);
    assert_ne!(a, b);
    assert!(a.chars().all(|c| c.is_ascii_alphanumeric() && !"0O1lI".contains(c)), "{a}");
    assert!(sterk_genoeg(&a).is_ok());
}

#[test]
fn a_sessie_never_shows_its_tokens_in_debug_output() {
    let s = Sessie { token: "geheim-token".into(), csrf: "geheime-csrf".into() };
    let d = format!("{s:?}");
    assert!(!d.contains("geheim"), "{d}");
}
