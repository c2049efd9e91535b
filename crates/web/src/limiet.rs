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
//!   users, so nobody else is locked out. The address is the TCP peer's,
//!   or behind a reverse proxy the configuration trusts the client it names
//!   in `X-Forwarded-For` ([`klant_adres`]); an untrusted peer is never
//!   believed, so the header cannot be forged around the limit.
//! - Argon2 takes some 19 MB and a core per check: at most
//!   [`Limiet::gelijktijdig`] checks run at once, each as a task of its own
//!   holding its permit until the hash is done, also when the client has
//!   gone; a check that finds no permit within [`WACHT`] is not made.
//!
//! The counts live in the database (`Store::inlogpoging_begin`), so every
//! instance of the app on one database holds the same limits; the bound on
//! checks at once is per instance (it protects this machine's memory).

use std::convert::Infallible;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use buig_store::{Store, StoreError};
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

impl Sleutel {
    /// The key as the store keeps it (hashed there).
    fn tekst(&self) -> String {
        match self {
            Sleutel::Naam(n) => format!("naam:{n}"),
            Sleutel::Adres(a) => format!("adres:{a}"),
        }
    }
}

/// The client's address: the TCP peer's, or — when the peer is a reverse
/// proxy the configuration trusts (`vertrouwde_proxies`) — the last address
/// in `X-Forwarded-For` that is not such a proxy.
pub struct Klant(pub Option<IpAddr>);

impl FromRequestParts<crate::Staat> for Klant {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, staat: &crate::Staat) -> Result<Klant, Infallible> {
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
        let doorgestuurd: Vec<&str> = parts.headers.get_all("x-forwarded-for").iter().filter_map(|v| v.to_str().ok()).collect();
        Ok(Klant(peer.map(|p| klant_adres(p, &doorgestuurd, &staat.instellingen.vertrouwde_proxies))))
    }
}

/// The client behind `peer`: only a trusted proxy is believed about whom it forwards.
pub fn klant_adres(peer: IpAddr, doorgestuurd: &[&str], vertrouwd: &[IpAddr]) -> IpAddr {
    let gewoon = |ip: IpAddr| match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    };
    if !vertrouwd.contains(&gewoon(peer)) {
        return peer;
    }
    let keten: Vec<IpAddr> = doorgestuurd.iter().flat_map(|v| v.split(',')).filter_map(|a| a.trim().parse().ok()).collect();
    keten.into_iter().rev().find(|a| !vertrouwd.contains(&gewoon(*a))).unwrap_or(peer)
}

/// An attempt under way: reserved as a failure until [`Limiet::gelukt`].
#[derive(Debug)]
pub struct Poging {
    id: i64,
    sleutels: Vec<Sleutel>,
    tijd: i64,
}

pub struct Limiet {
    store: Store,
    controles: Arc<Semaphore>,
    gelijktijdig: usize,
}

/// Now, in unix milliseconds: the clock every instance shares.
fn nu_ms() -> i64 {
    jiff::Timestamp::now().as_millisecond()
}

fn ms(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
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

/// How long `sleutel` with these failures (unix ms, oldest first, within the window) waits from `nu`.
fn wachttijd(sleutel: &Sleutel, f: &[i64], nu: i64) -> Option<Duration> {
    let n = f.len();
    let tot = match sleutel {
        Sleutel::Naam(_) if n >= MAX_PER_NAAM => f[n - MAX_PER_NAAM] + ms(VENSTER),
        Sleutel::Adres(_) if n >= VRIJ_PER_ADRES => {
            let stap = u32::try_from(n - VRIJ_PER_ADRES + 1).unwrap_or(u32::MAX).min(20);
            f[n - 1] + ms(Duration::from_secs(1u64 << stap).min(VENSTER))
        }
        _ => return None,
    };
    (tot > nu).then(|| Duration::from_millis(u64::try_from(tot - nu).unwrap_or(0)))
}

impl Limiet {
    /// A limiter over `store`'s counters that lets `gelijktijdig` password checks run at once.
    pub fn new(store: Store, gelijktijdig: usize) -> Limiet {
        let gelijktijdig = gelijktijdig.max(1);
        Limiet { store, controles: Arc::new(Semaphore::new(gelijktijdig)), gelijktijdig }
    }

    /// As many checks at once as the machine has cores, at most four.
    pub fn per_kern(store: Store) -> Limiet {
        Limiet::new(store, std::thread::available_parallelism().map_or(1, |n| n.get()).min(4))
    }

    /// How many password checks may run at once.
    pub fn gelijktijdig(&self) -> usize {
        self.gelijktijdig
    }

    /// Starts an attempt for `naam` from `adres`, counted as a failure
    /// until it succeeds; or how long until one may be made.
    pub async fn begin(&self, naam: &str, adres: Option<IpAddr>) -> Result<Result<Poging, Duration>, StoreError> {
        self.begin_op(naam, adres, nu_ms()).await
    }

    /// [`Limiet::begin`] at time `nu` (unix ms).
    async fn begin_op(&self, naam: &str, adres: Option<IpAddr>, nu: i64) -> Result<Result<Poging, Duration>, StoreError> {
        // A name is kept by its first 128 characters: a key is never larger than that.
        let naam: String = naam.chars().take(128).collect::<String>().to_lowercase();
        let sleutels: Vec<Sleutel> = std::iter::once(Sleutel::Naam(naam)).chain(adres.map(adres_sleutel)).collect();
        let teksten: Vec<String> = sleutels.iter().map(Sleutel::tekst).collect();
        let wacht = |i: usize, f: &[i64]| wachttijd(&sleutels[i], f, nu).map(ms);
        Ok(match self.store.inlogpoging_begin(&teksten, nu, ms(VENSTER), wacht).await? {
            Ok(id) => Ok(Poging { id, sleutels, tijd: nu }),
            Err(w) => Err(Duration::from_millis(u64::try_from(w).unwrap_or(0))),
        })
    }

    /// A wrong password: the attempt stays counted.
    pub fn mislukt(&self, p: Poging) {
        drop(p);
    }

    /// The right password: the name starts afresh; the address keeps its
    /// other failures but not this attempt.
    pub async fn gelukt(&self, p: Poging) -> Result<(), StoreError> {
        let mut adressen = Vec::new();
        for s in &p.sleutels {
            match s {
                Sleutel::Naam(_) => self.store.inlogpogingen_wissen(&s.tekst(), p.tijd - ms(VENSTER)).await?,
                Sleutel::Adres(_) => adressen.push(s.tekst()),
            }
        }
        self.store.inlogpoging_terug(p.id, &adressen).await
    }

    /// No check was made (no free check in time, or the store failed): the attempt does not count.
    pub async fn vrijgeven(&self, p: Poging) -> Result<(), StoreError> {
        let teksten: Vec<String> = p.sleutels.iter().map(Sleutel::tekst).collect();
        self.store.inlogpoging_terug(p.id, &teksten).await
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

#[cfg(test)]
mod tests {
    use super::*;

    const HIER: Option<IpAddr> = Some(IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 1)));
    const DAAR: Option<IpAddr> = Some(IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 2)));

    /// A limiter over a fresh SQLite database of its own (kept alive by the returned directory).
    async fn limiet(gelijktijdig: usize) -> (Limiet, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&format!("sqlite://{}", dir.path().join("l.db").display())).await.unwrap();
        (Limiet::new(store, gelijktijdig), dir)
    }

    async fn telt(l: &Limiet, s: &Sleutel, nu: i64) -> usize {
        l.store.inlogpogingen(&s.tekst(), nu - ms(VENSTER)).await.unwrap().len()
    }

    #[tokio::test]
    async fn the_sixth_failure_within_the_window_blocks_the_name_but_not_another() {
        let (l, _d) = limiet(4).await;
        let nu = nu_ms();
        for _ in 0..MAX_PER_NAAM {
            let p = l.begin_op("Anna", HIER, nu).await.unwrap().unwrap();
            l.mislukt(p);
        }
        assert!(l.begin_op("anna", DAAR, nu).await.unwrap().is_err(), "the name, from any address");
        let p = l.begin_op("bert", HIER, nu).await.unwrap().unwrap();
        l.gelukt(p).await.unwrap();
        // Once the window has passed the name may try again; a right password starts her afresh.
        let later = nu + ms(VENSTER) + 1;
        let p = l.begin_op("ANNA", HIER, later).await.unwrap().unwrap();
        l.gelukt(p).await.unwrap();
        assert_eq!(telt(&l, &Sleutel::Naam("anna".into()), later).await, 0);
    }

    #[tokio::test]
    async fn attempts_in_flight_count_so_fifty_at_once_for_one_name_let_five_through() {
        let (l, _d) = limiet(4).await;
        let pogingen = (0..50).map(|_| l.begin("anna", HIER));
        let door: Vec<Poging> = futures_util::future::join_all(pogingen).await.into_iter().filter_map(|r| r.unwrap().ok()).collect();
        assert_eq!(door.len(), MAX_PER_NAAM);
    }

    #[tokio::test]
    async fn a_burst_on_random_names_slows_its_own_address_with_growing_waits_and_nobody_else() {
        let (l, _d) = limiet(4).await;
        let nu = nu_ms();
        for i in 0..VRIJ_PER_ADRES {
            let p = l.begin_op(&format!("naam{i}"), HIER, nu).await.unwrap().unwrap();
            l.mislukt(p);
        }
        let w = l.begin_op("nog-een", HIER, nu).await.unwrap().unwrap_err();
        assert!(w > Duration::from_secs(1) && w <= Duration::from_secs(2), "{w:?}");
        assert!(l.begin_op("anna", DAAR, nu).await.unwrap().is_ok(), "another address is not held up");
        // One more failure, once the wait has passed, doubles the wait.
        let later = nu + 2_500;
        let p = l.begin_op("nog-een", HIER, later).await.unwrap().unwrap();
        l.mislukt(p);
        let w = l.begin_op("en-nog-een", HIER, later).await.unwrap().unwrap_err();
        assert!(w > Duration::from_secs(3) && w <= Duration::from_secs(4), "{w:?}");
    }

    #[tokio::test]
    async fn an_attempt_that_was_never_checked_does_not_count() {
        let (l, _d) = limiet(4).await;
        let nu = nu_ms();
        for _ in 0..10 {
            let p = l.begin_op("anna", HIER, nu).await.unwrap().unwrap();
            l.vrijgeven(p).await.unwrap();
        }
        assert_eq!(telt(&l, &Sleutel::Naam("anna".into()), nu).await, 0);
        assert_eq!(telt(&l, &adres_sleutel(HIER.unwrap()), nu).await, 0);
    }

    #[tokio::test]
    async fn two_limiters_on_one_database_count_the_same_attempts() {
        let (a, _d) = limiet(4).await;
        let b = Limiet::new(a.store.clone(), 4);
        let nu = nu_ms();
        for i in 0..MAX_PER_NAAM {
            let l = if i % 2 == 0 { &a } else { &b };
            l.mislukt(l.begin_op("anna", HIER, nu).await.unwrap().unwrap());
        }
        assert!(a.begin_op("anna", DAAR, nu).await.unwrap().is_err());
        assert!(b.begin_op("anna", DAAR, nu).await.unwrap().is_err());
    }

    #[test]
    fn only_a_trusted_proxy_is_believed_about_the_client_it_forwards() {
        let proxy: IpAddr = "10.0.0.5".parse().unwrap();
        let klant: IpAddr = "198.51.100.7".parse().unwrap();
        let vertrouwd = [proxy];
        assert_eq!(klant_adres(proxy, &["203.0.113.9, 198.51.100.7"], &vertrouwd), klant, "the last hop the proxy saw");
        assert_eq!(klant_adres(proxy, &["198.51.100.7, 10.0.0.5"], &vertrouwd), klant, "a chain of trusted proxies is skipped");
        assert_eq!(klant_adres(klant, &["192.0.2.1"], &vertrouwd), klant, "a client cannot name another address");
        assert_eq!(klant_adres(proxy, &["geen-adres"], &vertrouwd), proxy);
        assert_eq!(klant_adres(proxy, &["192.0.2.1"], &[]), proxy, "no proxy trusted: the peer");
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
        let (l, _d) = limiet(2).await;
        let l = Arc::new(l);
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
