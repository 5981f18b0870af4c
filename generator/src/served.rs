//! Where `reviewroom serve` last served, kept in `.reviewroom/served-at`, so the links that
//! `invite` and `catalog` print open on the port actually served (`serve --port 8437`) rather
//! than on a default nobody listens to. `base_url` in reviewroom.toml always wins.

use std::net::{TcpStream, ToSocketAddrs};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result};

use crate::config::{Project, STATE_DIR};

/// The origin links use when nothing was ever served and no `base_url` is set: `serve`'s
/// default address.
pub const DEFAULT_BASE: &str = "http://127.0.0.1:8080";

const FILE: &str = "served-at";

fn path(project: &Project) -> PathBuf {
    project.root.join(STATE_DIR).join(FILE)
}

/// Records `base` (the origin `serve` is listening on) for the other commands.
pub fn record(project: &Project, base: &str) -> Result<()> {
    let file = project.state_dir()?.join(FILE);
    std::fs::write(&file, format!("{base}\n"))
        .with_context(|| format!("cannot write {}", file.display()))
}

/// The origin of candidate and preview links: `base_url`, else the address `serve` last
/// served, else [`DEFAULT_BASE`]. Says on stderr (unless `quiet`) when the link may not open.
pub fn link_base(project: &Project, quiet: bool) -> String {
    if project.config.base_url.is_some() {
        return project.config.link_base(DEFAULT_BASE);
    }
    let recorded = std::fs::read_to_string(path(project))
        .ok()
        .map(|text| text.trim().trim_end_matches('/').to_string())
        .filter(|text| text.starts_with("http://") || text.starts_with("https://"));
    let base = recorded.clone().unwrap_or_else(|| DEFAULT_BASE.to_string());
    if !quiet && !answers(&base) {
        match recorded {
            Some(_) => eprintln!(
                "note: nothing answers at {base} now, the address `reviewroom serve` last used; \
                 the link opens once it serves there again (or set base_url in reviewroom.toml)"
            ),
            None => eprintln!(
                "note: no base_url in reviewroom.toml and `reviewroom serve` has not run here: \
                 the link assumes `reviewroom serve` on its default address {DEFAULT_BASE}"
            ),
        }
    }
    base
}

/// Whether something accepts TCP connections at the origin's host and port.
fn answers(base: &str) -> bool {
    let Some(rest) = base.split_once("://").map(|(_, rest)| rest) else {
        return false;
    };
    let authority = rest.split('/').next().unwrap_or(rest);
    let default_port = if base.starts_with("https") { 443 } else { 80 };
    let target = if authority
        .rsplit_once(':')
        .is_some_and(|(_, p)| p.parse::<u16>().is_ok())
    {
        authority.to_string()
    } else {
        format!("{authority}:{default_port}")
    };
    let Ok(addrs) = target.to_socket_addrs() else {
        return false;
    };
    addrs
        .into_iter()
        .any(|addr| TcpStream::connect_timeout(&addr, Duration::from_millis(300)).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_wins_then_the_recorded_address_then_the_default() {
        let dir = tempfile::tempdir().unwrap();
        let project = Project::load(dir.path()).unwrap();
        assert_eq!(link_base(&project, true), DEFAULT_BASE);
        record(&project, "http://127.0.0.1:8437").unwrap();
        assert_eq!(link_base(&project, true), "http://127.0.0.1:8437");
        std::fs::write(
            dir.path().join("reviewroom.toml"),
            "base_url = \"https://review.example/\"\n",
        )
        .unwrap();
        let project = Project::load(dir.path()).unwrap();
        assert_eq!(link_base(&project, true), "https://review.example");
    }

    #[test]
    fn a_listening_port_answers_and_a_closed_one_does_not() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        assert!(answers(&format!("http://127.0.0.1:{port}")));
        drop(listener);
        assert!(!answers(&format!("http://127.0.0.1:{port}/")));
    }
}
