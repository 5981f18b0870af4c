//! Issue 19, items 6 and 8: `reviewroom serve` as the one-machine deployment, probed with raw
//! TCP sockets: slow headers, slow bodies and idle connections are closed, a connection cap
//! holds, an oversized Content-Length is refused before its body (no `100 Continue`), every
//! answer carries the CDN's security headers, requests are logged without tokens, no symbolic
//! link is followed out of dist/, no demo invite is minted without `--demo`, and a busy port
//! fails before building.

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The server's header (and idle) timeout is 10 s, its body timeout 20 s: a test allows more.
const HEADER_WAIT: Duration = Duration::from_secs(14);
const BODY_WAIT: Duration = Duration::from_secs(24);
const TOKEN: &str = "rr1_AAAAAAAAAAAAAAAAAAAAAA";

struct Server {
    child: Child,
    port: u16,
    lines: Arc<Mutex<Vec<String>>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(root: &Path, extra: &[&str]) -> Server {
        let port = support::free_port();
        let mut child = support::reviewroom(root)
            .args(["serve", "--port", &port.to_string()])
            .args(extra)
            .env_remove("RUST_LOG")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let lines = Arc::new(Mutex::new(Vec::new()));
        let output = lines.clone();
        support::forward_lines(&mut child, move |line| output.lock().unwrap().push(line));
        let server = Server { child, port, lines };
        let deadline = Instant::now() + Duration::from_secs(120);
        while Instant::now() < deadline {
            if server.output().contains("serving ") {
                return server;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("serve did not start: {}", server.output());
    }

    fn output(&self) -> String {
        self.lines.lock().unwrap().join("\n")
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(40)))
            .unwrap();
        stream
    }

    /// One request on a fresh connection; the whole answer as text.
    fn get(&self, path: &str, headers: &str) -> String {
        let mut stream = self.connect();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n{headers}\r\n"
        )
        .unwrap();
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        String::from_utf8_lossy(&raw).into_owned()
    }
}

/// Reads until the server closes the connection; returns what it sent and how long it took.
fn until_closed(mut stream: TcpStream) -> (String, Duration) {
    let started = Instant::now();
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    (
        String::from_utf8_lossy(&raw).into_owned(),
        started.elapsed(),
    )
}

#[test]
fn slow_clients_are_cut_off_and_big_bodies_refused_before_reading() {
    let tmp = support::demo_project();
    let server = Server::start(tmp.path(), &[]);
    std::thread::scope(|scope| {
        // Headers that never end.
        let slow_headers = scope.spawn(|| {
            let mut stream = server.connect();
            stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
            until_closed(stream)
        });
        // A body that stops half way.
        let slow_body = scope.spawn(|| {
            let mut stream = server.connect();
            write!(
                stream,
                "PUT /api/draft HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\n\
                 Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"version\""
            )
            .unwrap();
            until_closed(stream)
        });
        // A kept-alive connection left idle after one answer.
        let idle = scope.spawn(|| {
            let mut stream = server.connect();
            stream
                .write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
                .unwrap();
            until_closed(stream)
        });

        let mut stream = server.connect();
        write!(
            stream,
            "POST /api/submissions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\n\
             Content-Type: application/json\r\nContent-Length: 50000000\r\n\
             Expect: 100-continue\r\n\r\n"
        )
        .unwrap();
        let mut first = [0u8; 12];
        stream.read_exact(&mut first).unwrap();
        assert_eq!(
            &first, b"HTTP/1.1 413",
            "an oversized body is refused before it is read, with no 100 Continue"
        );

        let (sent, took) = slow_headers.join().unwrap();
        assert!(took < HEADER_WAIT, "slow headers held {took:?}: {sent}");
        let (sent, took) = slow_body.join().unwrap();
        assert!(took < BODY_WAIT, "a slow body held {took:?}: {sent}");
        assert!(sent.starts_with("HTTP/1.1 408"), "{sent}");
        let (sent, took) = idle.join().unwrap();
        assert!(sent.starts_with("HTTP/1.1 200"), "{sent}");
        assert!(took < HEADER_WAIT, "an idle connection held {took:?}");
    });
}

#[test]
fn connections_are_capped() {
    let tmp = support::demo_project();
    let server = Server::start(tmp.path(), &[]);
    let held: Vec<TcpStream> = (0..256).map(|_| server.connect()).collect();
    std::thread::sleep(Duration::from_millis(500));
    let answer = server.get("/", "");
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer:.200}");
    drop(held);
    std::thread::sleep(Duration::from_millis(500));
    assert!(server.get("/", "").starts_with("HTTP/1.1 200"));
}

#[test]
fn answers_carry_security_headers_and_links_stay_out() {
    let tmp = support::demo_project();
    let root = tmp.path();
    let server = Server::start(root, &[]);
    for path in ["/", "/api/health", "/nothing"] {
        let answer = server.get(path, "").to_ascii_lowercase();
        let head = answer.split("\r\n\r\n").next().unwrap();
        for header in [
            "content-security-policy: default-src 'none'",
            "frame-ancestors 'none'",
            "x-content-type-options: nosniff",
            "referrer-policy: no-referrer",
            "x-frame-options: deny",
        ] {
            assert!(head.contains(header), "{path}: no {header}: {head}");
        }
    }
    std::fs::write(root.join("outside.txt"), "SECRET-OUTSIDE").unwrap();
    std::os::unix::fs::symlink(root.join("outside.txt"), root.join("dist/leak.txt")).unwrap();
    std::os::unix::fs::symlink(root.join(".reviewroom"), root.join("dist/state")).unwrap();
    for path in ["/leak.txt", "/state/reviews.sqlite3", "/state/secret"] {
        let answer = server.get(path, "");
        assert!(answer.starts_with("HTTP/1.1 404"), "{path}: {answer:.300}");
        assert!(
            !answer.contains("SECRET-OUTSIDE") && !answer.contains("SQLite"),
            "{path}"
        );
    }
}

#[test]
fn requests_are_logged_without_tokens_and_no_demo_invite_without_the_flag() {
    let tmp = support::demo_project();
    let root = tmp.path();
    let server = Server::start(root, &[]);
    let answer = server.get(
        "/api/session",
        &format!("Authorization: Bearer {TOKEN}\r\n"),
    );
    assert!(answer.starts_with("HTTP/1.1 401"), "{answer:.200}");
    std::thread::sleep(Duration::from_millis(300));
    let output = server.output();
    assert!(
        output
            .lines()
            .any(|l| l.contains("/api/session") && l.contains("401")),
        "no request log: {output}"
    );
    assert!(!output.contains(TOKEN), "a token reached the log: {output}");
    assert!(
        !output.contains("#invite="),
        "a demo invite without --demo: {output}"
    );
    drop(server);
    let listing = support::reviewroom(root).arg("invites").output().unwrap();
    assert!(
        listing.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&listing.stdout)
    );

    let demo = Server::start(root, &["--demo"]);
    assert!(demo.output().contains("#invite=rr2_"), "{}", demo.output());
    drop(demo);
    let refused = support::reviewroom(root)
        .args([
            "serve", "--demo", "--store", "dynamodb", "--table", "t", "--port", "0",
        ])
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--demo"));
}

/// A busy port fails before anything is built: dist/ under the server that holds the port is
/// left alone, and the error says what to do.
#[test]
fn a_busy_port_fails_before_building() {
    let tmp = support::demo_project();
    let holder = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = holder.local_addr().unwrap().port().to_string();
    let out = support::reviewroom(tmp.path())
        .args(["serve", "--port", &port])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "served on a busy port");
    assert!(
        err.contains("cannot listen") && err.contains("--port"),
        "{err}"
    );
    assert!(!tmp.path().join("dist").exists(), "built before failing");
}
