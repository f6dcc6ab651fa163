//! `frist auth …`: password hashes for seed data and operators. The hash is
//! the same PBKDF2-HMAC-SHA256 the edge computes with WebCrypto, in the
//! format of [`frist_domain::access::PasswordHash`].

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use clap::Subcommand;
use frist_domain::access::{HASH_LEN, PBKDF2_ITERATIONS, PasswordHash, SALT_LEN};

#[derive(Subcommand)]
pub enum AuthCommand {
    /// Reads one password per line from stdin (never from the command line,
    /// where other users could see it) and prints its hash.
    HashPassword,
    /// Reads `PASSWORD` lines and checks each against HASH; exit 1 on a mismatch.
    VerifyPassword { hash: String },
}

/// Hashes `password` with `salt`.
pub fn hash_with_salt(password: &str, salt: &[u8], iterations: u32) -> PasswordHash {
    let mut out = [0u8; HASH_LEN];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(password.as_bytes(), salt, iterations, &mut out);
    PasswordHash {
        iterations,
        salt: salt.to_vec(),
        hash: out.to_vec(),
    }
}

/// Whether `password` matches the stored hash.
pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::parse(stored)
        .is_some_and(|h| hash_with_salt(password, &h.salt, h.iterations).hash == h.hash)
}

pub fn run(cmd: AuthCommand) -> io::Result<ExitCode> {
    let stdin = io::stdin();
    let mut out = io::stdout().lock();
    let mut all_ok = true;
    for line in stdin.lock().lines() {
        let line = line?;
        let password = line.trim_end_matches('\r');
        match &cmd {
            AuthCommand::HashPassword => {
                let mut salt = [0u8; SALT_LEN];
                getrandom::fill(&mut salt).map_err(|e| io::Error::other(e.to_string()))?;
                writeln!(
                    out,
                    "{}",
                    hash_with_salt(password, &salt, PBKDF2_ITERATIONS)
                )?;
            }
            AuthCommand::VerifyPassword { hash } => {
                let ok = verify(password, hash);
                all_ok &= ok;
                writeln!(out, "{}", if ok { "match" } else { "no match" })?;
            }
        }
    }
    Ok(if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
