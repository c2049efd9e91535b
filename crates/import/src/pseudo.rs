// SPDX-License-Identifier: EUPL-1.2
//! Pseudonymisation of client ids: a keyed hash (HMAC-SHA256) so that the
//! same client gets the same pseudonym in every file imported with the same
//! key, while the raw id is never stored and the key never printed.

use std::fmt;

use buig_core::records::ClientPseudoniem;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Hex characters kept of the HMAC: 128 bits, plenty against collisions
/// among a few million clients.
const PSEUDONIEM_HEX: usize = 32;

/// Turns client ids into pseudonyms with a secret key.
///
/// The HMAC state after absorbing the key is kept, so each pseudonym costs
/// two SHA-256 blocks. `Debug` shows no key material.
#[derive(Clone)]
pub struct Pseudonimiseerder {
    mac: Hmac<Sha256>,
}

impl Pseudonimiseerder {
    /// A pseudonymiser for `key` (any length; use at least 32 random bytes).
    pub fn new(key: &[u8]) -> Self {
        Pseudonimiseerder { mac: Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length") }
    }

    /// The pseudonym of `client_id` (surrounding whitespace ignored): the
    /// first 32 hex characters of HMAC-SHA256(key, id).
    pub fn pseudoniem(&self, client_id: &str) -> ClientPseudoniem {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut mac = self.mac.clone();
        mac.update(client_id.trim().as_bytes());
        let digest = mac.finalize().into_bytes();
        let mut out = String::with_capacity(PSEUDONIEM_HEX);
        for &b in &digest[..PSEUDONIEM_HEX / 2] {
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        }
        ClientPseudoniem(out)
    }
}

impl fmt::Debug for Pseudonimiseerder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pseudonimiseerder { sleutel: <verborgen> }")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pseudonym_is_the_truncated_hex_hmac() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        let p = Pseudonimiseerder::new(b"Jefe");
        assert_eq!(p.pseudoniem("what do ya want for nothing?").0, "5bdcc146bf60754e6a042426089575c7");
        assert_eq!(p.pseudoniem("  what do ya want for nothing?\t"), p.pseudoniem("what do ya want for nothing?"));
    }

    #[test]
    fn debug_does_not_show_the_key() {
        let p = Pseudonimiseerder::new(b"geheime-sleutel");
        let shown = format!("{p:?}");
        assert!(!shown.contains("geheime"));
        assert!(shown.contains("verborgen"));
    }
}
