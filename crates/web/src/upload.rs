// SPDX-License-Identifier: EUPL-1.2
//! Files users upload (the import page, the plan import): read from the
//! multipart form chunk by chunk straight into a private directory — mode
//! 0700, the file 0600 — under the user's own (safe) file name, so the
//! importer's messages name it. The directory goes when the upload is
//! dropped, after the import, also on an error; what a crash leaves behind
//! is removed at the next start ([`ruim_op`]). Raw client ids in an upload
//! are thus never readable by other local users, nor left lying around.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use axum::extract::Multipart;
use axum::http::StatusCode;
use tokio::io::AsyncWriteExt;

use crate::fout::Fout;

/// What every upload directory's name starts with, followed by the process id.
const VOORVOEGSEL: &str = "buig-upload-";
/// The longest text field of an upload form.
const MAX_VELD: usize = 64 * 1024;

/// An uploaded file on disk, in its own private directory, removed on drop.
pub(crate) struct Ontvangen {
    /// The user's file name, made safe ([`veilige_naam`]).
    pub naam: String,
    pub grootte: u64,
    pad: PathBuf,
    _map: tempfile::TempDir,
}

impl Ontvangen {
    pub fn pad(&self) -> &Path {
        &self.pad
    }

    /// The directory, as it must not appear in messages.
    pub fn map(&self) -> &Path {
        self._map.path()
    }
}

/// A multipart form: its text fields by name and the file of field `bestand`.
pub(crate) struct Upload {
    pub velden: BTreeMap<String, String>,
    pub bestand: Option<Ontvangen>,
}

/// `limiet` bytes in Dutch: `256 MB`, `64 kB`.
pub fn omvang(limiet: usize) -> String {
    if limiet >= 1024 * 1024 {
        format!("{} MB", buig_core::nl::aantal((limiet / (1024 * 1024)) as i64))
    } else {
        format!("{} kB", buig_core::nl::aantal(limiet.div_ceil(1024) as i64))
    }
}

fn te_groot(naam: Option<&str>, limiet: usize) -> Fout {
    let wat = naam.map_or_else(|| "Het formulier".to_string(), |n| format!("Het bestand {n}"));
    Fout::TeGroot(format!("{wat} is groter dan {}, de grens voor een upload. Er is niets opgeslagen.", omvang(limiet)))
}

/// Why a form could not be read, in Dutch: too large (with the limit) or broken.
fn leesfout(e: axum::extract::multipart::MultipartError, naam: Option<&str>, limiet: usize) -> Fout {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        te_groot(naam, limiet)
    } else {
        Fout::Gegevens("het formulier kon niet volledig worden ontvangen; probeer het opnieuw".into())
    }
}

impl Upload {
    /// Reads the form; the file goes to a new private directory under `basis`.
    /// More than `limiet` bytes is refused with the limit in the message.
    pub async fn lees(mut mp: Multipart, basis: &Path, limiet: usize) -> Result<Upload, Fout> {
        let mut u = Upload { velden: BTreeMap::new(), bestand: None };
        while let Some(mut veld) = mp.next_field().await.map_err(|e| leesfout(e, None, limiet))? {
            let naam = veld.name().unwrap_or("").to_string();
            if naam == "bestand" {
                let bestandsnaam = veilige_naam(veld.file_name().unwrap_or(""));
                let map = privemap(basis).map_err(|e| Fout::Intern(format!("{}: {e}", basis.display())))?;
                let pad = map.path().join(&bestandsnaam);
                let mut file = prive_bestand(&pad).await.map_err(|e| Fout::Intern(format!("{}: {e}", pad.display())))?;
                let mut grootte = 0u64;
                while let Some(stuk) = veld.chunk().await.map_err(|e| leesfout(e, Some(&bestandsnaam), limiet))? {
                    grootte += stuk.len() as u64;
                    if grootte > limiet as u64 {
                        return Err(te_groot(Some(&bestandsnaam), limiet));
                    }
                    file.write_all(&stuk).await.map_err(|e| Fout::Intern(format!("{}: {e}", pad.display())))?;
                }
                file.flush().await.map_err(|e| Fout::Intern(format!("{}: {e}", pad.display())))?;
                u.bestand = Some(Ontvangen { naam: bestandsnaam, grootte, pad, _map: map });
            } else {
                let mut tekst = Vec::new();
                while let Some(stuk) = veld.chunk().await.map_err(|e| leesfout(e, None, limiet))? {
                    if tekst.len() + stuk.len() > MAX_VELD {
                        return Err(Fout::Gegevens(format!("veld {naam}: langer dan {}", omvang(MAX_VELD))));
                    }
                    tekst.extend_from_slice(&stuk);
                }
                let tekst = String::from_utf8(tekst).map_err(|_| Fout::Gegevens(format!("veld {naam}: geen UTF-8-tekst")))?;
                u.velden.insert(naam, tekst);
            }
        }
        Ok(u)
    }

    /// A text field, `""` when absent.
    pub fn veld(&self, naam: &str) -> &str {
        self.velden.get(naam).map(String::as_str).unwrap_or("")
    }
}

/// A new directory only this user may enter, named after this process.
fn privemap(basis: &Path) -> std::io::Result<tempfile::TempDir> {
    let mut b = tempfile::Builder::new();
    let voorvoegsel = format!("{VOORVOEGSEL}{}-", std::process::id());
    b.prefix(&voorvoegsel);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(0o700));
    }
    b.tempdir_in(basis)
}

/// A new file only this user may read (never an existing one or a link).
async fn prive_bestand(pad: &Path) -> std::io::Result<tokio::fs::File> {
    let mut o = tokio::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    o.mode(0o600);
    o.open(pad).await
}

/// Keeps a file name to letters, digits, dot, dash and underscore (it becomes a path).
pub(crate) fn veilige_naam(naam: &str) -> String {
    let n: String = naam
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or("")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_' { c } else { '_' })
        .collect();
    let n = n.trim_start_matches('.').to_string();
    if n.is_empty() {
        "upload.csv".into()
    } else {
        n
    }
}

/// Whether the process `pid` still runs; where that cannot be known, a
/// directory counts as abandoned once it is a day old.
fn loopt(pid: u32, map: &Path) -> bool {
    if Path::new("/proc/self").exists() {
        return Path::new("/proc").join(pid.to_string()).exists();
    }
    let leeftijd = std::fs::metadata(map).and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
    leeftijd.is_none_or(|l| l.as_secs() < 24 * 3600)
}

/// At start: removes the upload directories under `basis` that a server
/// left behind — a crash skips the removal after the import — unless their
/// process still runs (another server's upload in progress). Directories of
/// other users are left alone (the sticky temporary directory refuses it
/// anyway). Returns how many were removed.
pub fn ruim_op(basis: &Path) -> usize {
    let Ok(lijst) = std::fs::read_dir(basis) else { return 0 };
    let mut weg = 0;
    for e in lijst.flatten() {
        let naam = e.file_name().to_string_lossy().into_owned();
        let Some(rest) = naam.strip_prefix(VOORVOEGSEL) else { continue };
        // `buig-upload-<pid>-<random>`; older versions wrote `buig-upload-<hex>`.
        let pid = rest.split_once('-').and_then(|(p, _)| p.parse::<u32>().ok());
        let pad = e.path();
        if pid.is_some_and(|p| p == std::process::id() || loopt(p, &pad)) {
            continue;
        }
        if e.file_type().is_ok_and(|t| t.is_dir() && !t.is_symlink()) && std::fs::remove_dir_all(&pad).is_ok() {
            weg += 1;
        }
    }
    weg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_uploaded_file_name_cannot_leave_its_directory() {
        assert_eq!(veilige_naam("../../etc/passwd"), "passwd");
        assert_eq!(veilige_naam("C:\\data\\budget 2024.xlsx"), "budget_2024.xlsx");
        assert_eq!(veilige_naam(".."), "upload.csv");
        assert_eq!(veilige_naam(""), "upload.csv");
    }

    #[cfg(unix)]
    #[tokio::test]
    async fn an_upload_lies_in_a_directory_of_mode_0700_as_a_file_of_mode_0600_and_goes_with_it() {
        use std::os::unix::fs::PermissionsExt;
        let basis = tempfile::tempdir().unwrap();
        let map = privemap(basis.path()).unwrap();
        let pad = map.path().join("uitkeringen.csv");
        let mut f = prive_bestand(&pad).await.unwrap();
        f.write_all(b"client_id\n").await.unwrap();
        assert_eq!(std::fs::metadata(map.path()).unwrap().permissions().mode() & 0o777, 0o700);
        assert_eq!(std::fs::metadata(&pad).unwrap().permissions().mode() & 0o777, 0o600);
        assert!(prive_bestand(&pad).await.is_err(), "an existing file is never reused");
        let (m, o) = (map.path().to_path_buf(), Ontvangen { naam: "x".into(), grootte: 0, pad, _map: map });
        drop(o);
        assert!(!m.exists());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn at_start_the_uploads_a_crash_left_are_removed_but_not_those_of_a_running_server() {
        let basis = tempfile::tempdir().unwrap();
        let maak = |naam: &str| {
            let m = basis.path().join(naam);
            std::fs::create_dir(&m).unwrap();
            std::fs::write(m.join("uitkeringen.csv"), "client_id\n").unwrap();
            m
        };
        // pid 4294967295 is above every kernel's pid_max: that process is gone.
        let weg = [maak("buig-upload-4294967295-abc"), maak("buig-upload-0123456789abcdef")];
        let blijft = [maak(&format!("buig-upload-{}-abc", std::process::id())), maak("ander-programma")];
        assert_eq!(ruim_op(basis.path()), 2);
        assert!(weg.iter().all(|m| !m.exists()));
        assert!(blijft.iter().all(|m| m.exists()));
    }
}
