//! Invite tokens: `rr1_` + base64url of 16 OS random bytes. The store keeps only SHA-256 of the
//! token; the invite id is derived from that hash so a token finds its invite with one read.

use data_encoding::{BASE32_NOPAD, BASE64URL_NOPAD, HEXLOWER};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

pub const PREFIX: &str = "rr1_";
const RANDOM_BYTES: usize = 16;
/// base64url without padding of 16 bytes.
const ENCODED_LEN: usize = 22;
/// Anything longer is rejected before it is even looked at.
pub const MAX_LEN: usize = 64;

/// A token as the candidate holds it. Debug output never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Token({})", self.invite_id())
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TokenError {
    #[error("the token does not have the expected shape")]
    Shape,
    #[error("no OS randomness available")]
    Random,
}

impl Token {
    /// A fresh token from the OS random source.
    pub fn mint() -> Result<Token, TokenError> {
        let mut bytes = [0u8; RANDOM_BYTES];
        getrandom::fill(&mut bytes).map_err(|_| TokenError::Random)?;
        Ok(Token(format!("{PREFIX}{}", BASE64URL_NOPAD.encode(&bytes))))
    }

    /// Checks the shape only (prefix, length, alphabet, canonical encoding); no store read.
    pub fn parse(text: &str) -> Result<Token, TokenError> {
        if text.len() > MAX_LEN {
            return Err(TokenError::Shape);
        }
        let body = text.strip_prefix(PREFIX).ok_or(TokenError::Shape)?;
        if body.len() != ENCODED_LEN {
            return Err(TokenError::Shape);
        }
        let decoded = BASE64URL_NOPAD
            .decode(body.as_bytes())
            .map_err(|_| TokenError::Shape)?;
        // data-encoding rejects non-canonical trailing bits, so one token has one spelling.
        if decoded.len() != RANDOM_BYTES {
            return Err(TokenError::Shape);
        }
        Ok(Token(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// SHA-256 of the token text: all the store keeps.
    pub fn hash(&self) -> TokenHash {
        TokenHash(Sha256::digest(self.0.as_bytes()).into())
    }

    pub fn invite_id(&self) -> String {
        self.hash().invite_id()
    }
}

/// SHA-256 of a token.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct TokenHash(pub [u8; 32]);

impl std::fmt::Debug for TokenHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TokenHash({})", self.invite_id())
    }
}

impl TokenHash {
    /// Lowercase base32 of the first 10 bytes of the hash (16 characters).
    pub fn invite_id(&self) -> String {
        BASE32_NOPAD.encode(&self.0[..10]).to_ascii_lowercase()
    }

    pub fn to_hex(self) -> String {
        HEXLOWER.encode(&self.0)
    }

    pub fn from_hex(text: &str) -> Option<TokenHash> {
        let bytes = HEXLOWER.decode(text.as_bytes()).ok()?;
        Some(TokenHash(bytes.try_into().ok()?))
    }

    /// Constant-time comparison with the stored hash.
    pub fn matches(&self, stored: &TokenHash) -> bool {
        self.0.ct_eq(&stored.0).into()
    }
}

/// Invite ids are 16 characters of lowercase base32: checked before any read.
pub fn is_invite_id(text: &str) -> bool {
    text.len() == 16
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || (b'2'..=b'7').contains(&b))
}

#[cfg(test)]
mod tests;
