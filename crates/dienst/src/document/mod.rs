// SPDX-License-Identifier: EUPL-1.2
//! The input of every council document, computed with the same calls as
//! every other view: the notitie vangnet ([`notitie`]), the raadsmededeling
//! budget ([`raadsmededeling`]), the kwartaalmonitor ([`monitor`]) and the
//! regional overview ([`regio`]). The
//! documents (`buig-rapport`) only write what arrives here.

pub mod monitor;
pub mod notitie;
pub mod raadsmededeling;
pub mod regio;
