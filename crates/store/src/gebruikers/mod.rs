// SPDX-License-Identifier: EUPL-1.2
//! User accounts (migration 0005): users with an argon2id password, a role
//! per gemeente (lezer < bewerker < beheerder), login sessions with a CSRF
//! token, API tokens, the audit log and the login limiter's counters
//! (migration 0013, `pogingen.rs`).
//!
//! Invariants: a password is stored only as its argon2id PHC string; session
//! and API tokens only as their SHA-256 (hex), so the database alone lets
//! nobody in. Names are lowercase. Removing a user removes its roles,
//! sessions and tokens in the same transaction; changing a password ends the
//! user's sessions. Access is per gemeente: no role means no access.

mod audit;
mod beheer;
mod geheim;
mod model;
mod pogingen;
mod sessies;
#[cfg(test)]
mod tests;
mod tokens;

pub(crate) use audit::audit_in;
pub use audit::{actie_in_woorden, AuditRegel, ACTIES};
pub use geheim::willekeurig_wachtwoord;
pub use model::{Gebruiker, GebruikerFout, Rol, MAX_NAAM, MAX_WACHTWOORD, MIN_WACHTWOORD, TOKEN_PREFIX};
pub use sessies::Sessie;
pub use tokens::AGENDA_PREFIX;
