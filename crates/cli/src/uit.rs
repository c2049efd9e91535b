// SPDX-License-Identifier: EUPL-1.2
//! Everything the CLI prints on standard output goes through here: the
//! crate's `println!` and `print!` are these macros (declared in `main.rs`
//! before every other module, they shadow the standard ones), so that
//!
//! - text from files — a file name, a plan's action, a column's value — is
//!   printed through [`buig_core::nl::zichtbaar`]: an escape sequence or a
//!   carriage return in a cell never reaches the terminal raw;
//! - a closed pipe (`buig historie | head`) ends the program quietly instead
//!   of a panic ("failed printing to stdout: Broken pipe").

use std::fmt;
use std::io::{self, Write};

/// `println!` of the CLI: see the module documentation.
macro_rules! println {
    () => {
        $crate::uit::schrijf(format_args!(""), true)
    };
    ($($arg:tt)*) => {
        $crate::uit::schrijf(format_args!($($arg)*), true)
    };
}

/// `print!` of the CLI: see the module documentation.
macro_rules! print {
    ($($arg:tt)*) => {
        $crate::uit::schrijf(format_args!($($arg)*), false)
    };
}

/// Writes the text, made visible, to standard output (with a line break
/// when `regel`); a write that fails ends the program ([`schrijffout`]).
pub(crate) fn schrijf(args: fmt::Arguments<'_>, regel: bool) {
    let tekst = args.to_string();
    let tekst = buig_core::nl::zichtbaar(&tekst);
    let mut out = io::stdout().lock();
    let r = out.write_all(tekst.as_bytes()).and_then(|()| if regel { out.write_all(b"\n") } else { Ok(()) });
    if let Err(e) = r {
        let fout = schrijffout(e);
        eprintln!("buig: fout: {fout}");
        std::process::exit(i32::from(fout.code()));
    }
}

/// A failed write to standard output: the reader went away (a closed pipe)
/// ends the program quietly with success — the reader has what it wanted;
/// anything else is a fault.
pub(crate) fn schrijffout(e: io::Error) -> crate::fout::Fout {
    if e.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    crate::fout::Fout::Intern(format!("kan niet naar de standaarduitvoer schrijven: {e}"))
}
