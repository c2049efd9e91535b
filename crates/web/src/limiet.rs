// SPDX-License-Identifier: EUPL-1.2
//! The login limiter: how many password checks a name and a client address
//! may cause, and how many run at once.
//!
//! - An attempt is counted when it starts, not when its check ends
//!   ([`Limiet::begin`] reserves it as a failure; only a right password
//!   takes it back), so 50 parallel wrong passwords for one name cause five
//!   checks and 45 refusals, not 50 checks.
//! - Per user name: [`MAX_PER_NAAM`] failures within [`VENSTER`], then the
//!   name waits until the oldest leaves the window.
//! - Per client address (an IPv6 address by its /64): [`VRIJ_PER_ADRES`]
//!   failures within the window are free, every further one doubles the
//!   wait after the last (2 s, 4 s, … at most the window). A burst on random
//!   names thus slows its own address only; there is no limit over all
//!   users, so nobody else is locked out. The address is the TCP peer's: a
//!   reverse proxy in front makes all users one address.
//! - Argon2 takes some 19 MB and a core per check: at most
//!   [`Limiet::gelijktijdig`] checks run at once, each as a task of its own
//!   holding its permit until the hash is done, also when the client has
//!   gone; a check that finds no permit within [`WACHT`] is not made.
//!
//! In memory, per process (a later issue moves it to the database).

use std::collections::{HashMap, VecDeque};
use std::convert::Infallible;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use tokio::sync::Semaphore;

/// At most this many failures per user name per window …
pub const MAX_PER_NAAM: usize = 5;
/// … and this many per client address before each further one waits longer.
pub const VRIJ_PER_ADRES: usize = 20;
/// How long a failure counts.
pub const VENSTER: Duration = Duration::from_secs(15 * 60);
/// How long a login waits for a free check before it is turned away.
pub const WACHT: Duration = Duration::from_secs(30);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Sleutel {
    Naam(String),
    Adres(IpAddr),
}

/// The client's address as the server saw it, when it was recorded.
pub struct Klant(pub Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for Klant {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Klant, Infallible> {
        Ok(Klant(parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip())))
    }
}

/// An attempt under way: reserved as a failure until [`Limiet::gelukt`].
#[derive(Debug)]
pub struct Poging {
    sleutels: Vec<Sleutel>,
    tijd: Instant,
}

pub struct Limiet {
    mislukt: Mutex<HashMap<Sleutel, VecDeque<Instant>>>,
    controles: Arc<Semaphore>,
    gelijktijdig: usize,
}

impl Default for Limiet {
    /// As many checks at once as the machine has cores, at most four.
    fn default() -> Limiet {
        Limiet::new(std::thread::available_parallelism().map_or(1, |n| n.get()).min(4))
    }
}

/// An IPv6 client by its /64 (one household or server gets a whole /64).
fn adres_sleutel(ip: IpAddr) -> Sleutel {
    match ip {
        IpAddr::V6(v6) if v6.to_ipv4_mapped().is_none() => {
            let s = v6.segments();
            Sleutel::Adres(IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0)))
        }
        IpAddr::V6(v6) => Sleutel::Adres(IpAddr::V4(v6.to_ipv4_mapped().expect("checked"))),
        v4 => Sleutel::Adres(v4),
    }
}

/// How long `sleutel` with these failures (oldest first, within the window) waits from `nu`.
fn wachttijd(sleutel: &Sleutel, f: &VecDeque<Instant>, nu: Instant) -> Option<Duration> {
    let n = f.len();
    let tot = match sleutel {
        Sleutel::Naam(_) if n >= MAX_PER_NAAM => f[n - MAX_PER_NAAM] + VENSTER,
        Sleutel::Adres(_) if n >= VRIJ_PER_ADRES => {
            let stap = u32::try_from(n - VRIJ_PER_ADRES + 1).unwrap_or(u32::MAX).min(20);
            f[n - 1] + Duration::from_secs(1u64 << stap).min(VENSTER)
        }
        _ => return None,
    };
    (tot > nu).then(|| tot - nu)
}

impl Limiet {
    /// A limiter that lets `gelijktijdig` password checks run at once.
    pub fn new(gelijktijdig: usize) -> Limiet {
        let gelijktijdig = gelijktijdig.max(1);
        Limiet { mislukt: Mutex::default(), controles: Arc::new(Semaphore::new(gelijktijdig)), gelijktijdig }
    }

    /// How many password checks may run at once.
    pub fn gelijktijdig(&self) -> usize {
        self.gelijktijdig
    }

    /// Starts an attempt for `naam` from `adres`, counted as a failure
    /// until it succeeds; or how long until one may be made.
    pub fn begin(&self, naam: &str, adres: Option<IpAddr>) -> Result<Poging, Duration> {
        let mut m = self.mislukt.lock().expect("limiter lock");
        let nu = Instant::now();
        if m.len() > 10_000 {
            m.retain(|_, v| v.back().is_some_and(|t| nu.duration_since(*t) < VENSTER));
        }
        // A name is kept by its first 128 characters: a key is never larger than that.
        let naam: String = naam.chars().take(128).collect::<String>().to_lowercase();
        let sleutels: Vec<Sleutel> = std::iter::once(Sleutel::Naam(naam)).chain(adres.map(adres_sleutel)).collect();
        let mut wacht: Option<Duration> = None;
        for s in &sleutels {
            if let Some(v) = m.get_mut(s) {
                while v.front().is_some_and(|t| nu.duration_since(*t) >= VENSTER) {
                    v.pop_front();
                }
                if let Some(w) = wachttijd(s, v, nu) {
                    wacht = Some(wacht.map_or(w, |x| x.max(w)));
                }
            }
        }
        if let Some(w) = wacht {
            return Err(w);
        }
        for s in &sleutels {
            m.entry(s.clone()).or_default().push_back(nu);
        }
        Ok(Poging { sleutels, tijd: nu })
    }

    /// A wrong password: the attempt stays counted.
    pub fn mislukt(&self, p: Poging) {
        drop(p);
    }

    /// The right password: the name starts afresh; the address keeps its
    /// other failures but not this attempt.
    pub fn gelukt(&self, p: Poging) {
        let mut m = self.mislukt.lock().expect("limiter lock");
        for s in &p.sleutels {
            match s {
                Sleutel::Naam(_) => {
                    m.remove(s);
                }
                Sleutel::Adres(_) => neem_terug(&mut m, s, p.tijd),
            }
        }
    }

    /// No check was made (no free check in time, or the store failed): the attempt does not count.
    pub fn vrijgeven(&self, p: Poging) {
        let mut m = self.mislukt.lock().expect("limiter lock");
        for s in &p.sleutels {
            neem_terug(&mut m, s, p.tijd);
        }
    }

    /// Runs a password check as a task of its own that holds one of the
    /// permits until it is done; `None` when no permit came within [`WACHT`].
    pub async fn controleer<T: Send + 'static>(&self, check: impl Future<Output = T> + Send + 'static) -> Option<T> {
        let permit = tokio::time::timeout(WACHT, self.controles.clone().acquire_owned()).await.ok()?.ok()?;
        tokio::spawn(async move {
            let uit = check.await;
            drop(permit);
            uit
        })
        .await
        .ok()
    }
}

fn neem_terug(m: &mut HashMap<Sleutel, VecDeque<Instant>>, s: &Sleutel, tijd: Instant) {
    if let Some(v) = m.get_mut(s) {
        if let Some(i) = v.iter().position(|t| *t == tijd) {
            v.remove(i);
        }
        if v.is_empty() {
            m.remove(s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HIER: Option<IpAddr> = Some(IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 1)));
    const DAAR: Option<IpAddr> = Some(IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 2)));

    #[test]
    fn the_sixth_failure_within_the_window_blocks_the_name_but_not_another() {
        let l = Limiet::default();
        for _ in 0..MAX_PER_NAAM {
            let p = l.begin("Anna", HIER).unwrap();
            l.mislukt(p);
        }
        assert!(l.begin("anna", DAAR).is_err(), "the name, from any address");
        let p = l.begin("bert", HIER).unwrap();
        l.gelukt(p);
        // A right password for anna, once the name may try again, starts her afresh.
        l.mislukt.lock().unwrap().remove(&Sleutel::Naam("anna".into()));
        let p = l.begin("ANNA", HIER).unwrap();
        l.gelukt(p);
        assert!(l.mislukt.lock().unwrap().get(&Sleutel::Naam("anna".into())).is_none());
    }

    #[test]
    fn attempts_in_flight_count_so_fifty_at_once_for_one_name_let_five_through() {
        let l = Limiet::default();
        let door: Vec<Poging> = (0..50).filter_map(|_| l.begin("anna", HIER).ok()).collect();
        assert_eq!(door.len(), MAX_PER_NAAM);
    }

    #[test]
    fn a_burst_on_random_names_slows_its_own_address_with_growing_waits_and_nobody_else() {
        let l = Limiet::default();
        for i in 0..VRIJ_PER_ADRES {
            let p = l.begin(&format!("naam{i}"), HIER).unwrap();
            l.mislukt(p);
        }
        let w = l.begin("nog-een", HIER).unwrap_err();
        assert!(w > Duration::from_secs(1) && w <= Duration::from_secs(2), "{w:?}");
        assert!(l.begin("anna", DAAR).is_ok(), "another address is not held up");
        // One more failure (once the wait has passed) doubles the wait.
        let mut m = l.mislukt.lock().unwrap();
        let v = m.get_mut(&Sleutel::Adres(HIER.unwrap())).unwrap();
        v.push_back(Instant::now());
        let w = wachttijd(&Sleutel::Adres(HIER.unwrap()), v, Instant::now()).unwrap();
        assert!(w > Duration::from_secs(3) && w <= Duration::from_secs(4), "{w:?}");
    }

    #[test]
    fn an_attempt_that_was_never_checked_does_not_count() {
        let l = Limiet::default();
        for _ in 0..10 {
            let p = l.begin("anna", HIER).unwrap();
            l.vrijgeven(p);
        }
        assert!(l.mislukt.lock().unwrap().is_empty());
    }

    #[test]
    fn an_ipv6_client_is_one_address_per_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        assert_eq!(adres_sleutel(a), adres_sleutel(b));
        assert_eq!(adres_sleutel("::ffff:192.0.2.1".parse().unwrap()), adres_sleutel(HIER.unwrap()));
    }

    #[tokio::test]
    async fn no_more_checks_run_at_once_than_there_are_permits() {
        let l = Arc::new(Limiet::new(2));
        let bezig = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let hoogste = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let taken: Vec<_> = (0..8)
            .map(|_| {
                let (l, bezig, hoogste) = (l.clone(), bezig.clone(), hoogste.clone());
                tokio::spawn(async move {
                    l.controleer(async move {
                        let n = bezig.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
                        hoogste.fetch_max(n, std::sync::atomic::Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        bezig.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                    })
                    .await
                })
            })
            .collect();
        for t in taken {
            assert!(t.await.unwrap().is_some());
        }
        assert_eq!(hoogste.load(std::sync::atomic::Ordering::SeqCst), 2);
    }
}
