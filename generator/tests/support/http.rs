//! One HTTP/1.1 request over a plain socket. The tests send what a client library would not:
//! a wrong Host, a missing Origin, a body that is not JSON; so the request is written by hand,
//! here once.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// What the server answered: the status, the header block lowercased, the body.
pub struct Answer {
    pub status: u16,
    pub headers: String,
    pub body: String,
}

/// Sends `method path` to `host` ("127.0.0.1:PORT") with `Connection: close`, a Host header
/// unless `headers` has one, then `headers` and `body`, and reads the answer to the end.
pub fn request(
    host: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Answer {
    let mut stream = TcpStream::connect(host).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("read timeout");
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        head.push_str(&format!("Host: {host}\r\n"));
    }
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    stream
        .write_all(format!("{head}\r\n{body}").as_bytes())
        .expect("write");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let text = String::from_utf8_lossy(&raw);
    let (headers, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    Answer {
        status: headers.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0),
        headers: headers.to_ascii_lowercase(),
        body: body.to_string(),
    }
}
