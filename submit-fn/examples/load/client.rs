//! One simulated browser's keep-alive HTTP/1.1 connection: just enough of a client to send
//! JSON, read the status, the body and Retry-After, and notice a dropped connection.

use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};

/// One simulated browser's HTTP/1.1 keep-alive connection, reopened after a failure.
pub struct Client {
    pub port: u16,
    conn: Option<BufReader<tokio::net::TcpStream>>,
}

impl Client {
    pub fn new(port: u16) -> Client {
        Client { port, conn: None }
    }

    /// Opens the connection if needed: kept out of the measured latency, since a browser
    /// reuses its connection and a burst of 200 connects measures the accept queue.
    pub async fn connect(&mut self) -> bool {
        if self.conn.is_none() {
            match tokio::net::TcpStream::connect(("127.0.0.1", self.port)).await {
                Ok(stream) => self.conn = Some(BufReader::new(stream)),
                Err(_) => return false,
            }
        }
        true
    }

    /// One request; `None` (and the connection dropped) when it failed.
    pub async fn send(
        &mut self,
        method: &str,
        path: &str,
        token: &str,
        body: &str,
    ) -> Option<(u16, Value, Option<u64>)> {
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\
             Authorization: Bearer {token}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\n\r\n{body}",
            body.len()
        );
        let answer = tokio::time::timeout(Duration::from_secs(30), self.exchange(&request))
            .await
            .ok()
            .flatten();
        if answer.is_none() {
            self.conn = None;
        }
        answer
    }

    /// Writes the request and reads its status, body and Retry-After.
    async fn exchange(&mut self, request: &str) -> Option<(u16, Value, Option<u64>)> {
        let conn = self.conn.as_mut()?;
        conn.get_mut().write_all(request.as_bytes()).await.ok()?;
        let mut line = String::new();
        conn.read_line(&mut line).await.ok()?;
        let status = line.get(9..12)?.parse().ok()?;
        let mut length = 0usize;
        let mut retry_after = None;
        loop {
            line.clear();
            if conn.read_line(&mut line).await.ok()? == 0 {
                return None;
            }
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().ok()?;
                } else if name.eq_ignore_ascii_case("retry-after") {
                    retry_after = value.trim().parse().ok();
                }
            }
        }
        let mut raw = vec![0u8; length];
        conn.read_exact(&mut raw).await.ok()?;
        let body = serde_json::from_slice(&raw).unwrap_or(Value::Null);
        Some((status, body, retry_after))
    }
}

/// `n` clients, connected before the clock starts (a page load opens its connection first).
pub async fn connected(port: u16, n: usize) -> Vec<Client> {
    let mut clients = Vec::with_capacity(n);
    for _ in 0..n {
        let mut client = Client::new(port);
        client.connect().await;
        clients.push(client);
    }
    clients
}
