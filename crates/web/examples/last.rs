// SPDX-License-Identifier: EUPL-1.2
//! A load generator for `bench/web.sh`: GETs one URL at a constant rate
//! (open loop: each request's latency counts from the moment it was due, so
//! a slow server cannot hide its queue) and reports requests/s and the
//! latency percentiles; then as fast as 8 connections allow (closed loop).
//!
//! Usage: last URL RATE SECONDS [HEADER: VALUE]…

use std::time::{Duration, Instant};

fn pct(v: &[Duration], p: f64) -> f64 {
    let i = ((v.len() as f64 * p).ceil() as usize).clamp(1, v.len()) - 1;
    v[i].as_secs_f64() * 1000.0
}

fn verslag(naam: &str, mut lat: Vec<Duration>, fouten: usize, duur: Duration) {
    lat.sort();
    if lat.is_empty() {
        println!("{naam}: geen antwoorden ({fouten} fouten)");
        return;
    }
    println!(
        "{naam}: {} verzoeken in {:.1} s = {:.0}/s, fouten {fouten}; latentie p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        lat.len(),
        duur.as_secs_f64(),
        lat.len() as f64 / duur.as_secs_f64(),
        pct(&lat, 0.50),
        pct(&lat, 0.90),
        pct(&lat, 0.99),
        pct(&lat, 1.0)
    );
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (url, rate, secs) = (args[0].clone(), args[1].parse::<f64>().unwrap(), args[2].parse::<f64>().unwrap());
    let mut headers = reqwest::header::HeaderMap::new();
    for h in &args[3..] {
        let (k, v) = h.split_once(": ").expect("HEADER: VALUE");
        headers.insert(reqwest::header::HeaderName::from_bytes(k.as_bytes()).unwrap(), v.parse().unwrap());
    }
    let client = reqwest::Client::builder().default_headers(headers).pool_max_idle_per_host(64).build().unwrap();
    let check = client.get(&url).send().await.unwrap();
    assert!(check.status().is_success(), "{url}: {}", check.status());

    // Open loop at `rate` per second.
    let n = (rate * secs) as usize;
    let start = Instant::now();
    let mut taken = Vec::with_capacity(n);
    for i in 0..n {
        let due = start + Duration::from_secs_f64(i as f64 / rate);
        tokio::time::sleep_until(due.into()).await;
        let (c, u) = (client.clone(), url.clone());
        taken.push(tokio::spawn(async move {
            let ok = match c.get(&u).send().await {
                Ok(r) => r.status().is_success() && r.bytes().await.is_ok(),
                Err(_) => false,
            };
            (ok, due.elapsed())
        }));
    }
    let (mut lat, mut fouten) = (Vec::new(), 0);
    for t in taken {
        let (ok, d) = t.await.unwrap();
        if ok {
            lat.push(d)
        } else {
            fouten += 1
        }
    }
    verslag(&format!("vast tempo {rate}/s"), lat, fouten, start.elapsed());

    // Closed loop: 8 connections as fast as they get answers, for `secs`.
    let start = Instant::now();
    let eind = start + Duration::from_secs_f64(secs);
    let mut werkers = Vec::new();
    for _ in 0..8 {
        let (c, u) = (client.clone(), url.clone());
        werkers.push(tokio::spawn(async move {
            let (mut lat, mut fouten) = (Vec::new(), 0);
            while Instant::now() < eind {
                let t = Instant::now();
                let ok = match c.get(&u).send().await {
                    Ok(r) => r.status().is_success() && r.bytes().await.is_ok(),
                    Err(_) => false,
                };
                if ok {
                    lat.push(t.elapsed())
                } else {
                    fouten += 1
                }
            }
            (lat, fouten)
        }));
    }
    let (mut lat, mut fouten) = (Vec::new(), 0);
    for w in werkers {
        let (l, f) = w.await.unwrap();
        lat.extend(l);
        fouten += f;
    }
    verslag("zo snel mogelijk, 8 verbindingen", lat, fouten, start.elapsed());
}
