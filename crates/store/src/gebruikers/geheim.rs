// SPDX-License-Identifier: EUPL-1.2
//! Secrets: passwords hashed as argon2id (off the async threads, with a
//! dummy hash so an unknown user takes as long), tokens as their SHA-256,
//! random tokens and generated passwords.

use std::fmt;
use std::sync::OnceLock;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use sha2::{Digest, Sha256};

use crate::StoreError;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(super) fn sha256_hex(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

pub(super) fn willekeurig_hex() -> Result<String, StoreError> {
    let mut b = [0u8; 32];
    getrandom::getrandom(&mut b).map_err(|e| StoreError::Data { veld: "token".into(), melding: e.to_string() })?;
    Ok(hex(&b))
}

fn hashfout(melding: impl fmt::Display) -> StoreError {
    StoreError::Data { veld: "wachtwoord".into(), melding: melding.to_string() }
}

/// Argon2 is slow on purpose: run it off the async worker threads.
pub(super) async fn blokkerend<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, StoreError> {
    tokio::task::spawn_blocking(f).await.map_err(hashfout)
}

pub(super) fn hash_wachtwoord(wachtwoord: &str) -> Result<String, StoreError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(wachtwoord.as_bytes(), &salt).map(|h| h.to_string()).map_err(hashfout)
}

pub(super) fn klopt(wachtwoord: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|h| Argon2::default().verify_password(wachtwoord.as_bytes(), &h).is_ok())
}

/// A hash of no one's password, verified for unknown users so that the
/// answer takes as long as for a known one.
pub(super) fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_wachtwoord("geen-gebruiker-heeft-dit-wachtwoord").unwrap_or_default())
}

/// A random password of `lengte` characters from letters and digits without
/// look-alikes (no 0/O, 1/l/I), for accounts made on the command line.
pub fn willekeurig_wachtwoord(lengte: usize) -> Result<String, StoreError> {
    const TEKENS: &[u8] = b"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    // Rejection sampling: only bytes below a multiple of the alphabet size, so
    // every character is equally likely.
    let grens = 256 - 256 % TEKENS.len();
    let mut uit = String::with_capacity(lengte);
    let mut buf = [0u8; 64];
    while uit.len() < lengte {
        getrandom::getrandom(&mut buf).map_err(|e| StoreError::Data { veld: "wachtwoord".into(), melding: e.to_string() })?;
        for &b in buf.iter().filter(|&&b| (b as usize) < grens) {
            if uit.len() < lengte {
                uit.push(TEKENS[b as usize % TEKENS.len()] as char);
            }
        }
    }
    Ok(uit)
}
