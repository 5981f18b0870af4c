//! Invite tokens: `rr2_` + the invite id (16 characters of base32) + base64url of 16 OS random
//! bytes. The id in the token finds its invite with one read; the store keeps only SHA-256 of the
//! whole token. A relink mints a token for the same id, so the id never changes (docs/design.md
//! §4). Tokens of the first format (`rr1_` + 22 characters, id derived from the hash) still work.

use data_encoding::{BASE32_NOPAD, BASE64URL_NOPAD, HEXLOWER};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

pub const PREFIX: &str = "rr2_";
/// The first format, whose invite id derives from the token's hash.
const LEGACY_PREFIX: &str = "rr1_";
const RANDOM_BYTES: usize = 16;
/// base64url without padding of 16 bytes.
const ENCODED_LEN: usize = 22;
const ID_LEN: usize = 16;
const ID_BYTES: usize = 10;
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

fn random<const N: usize>() -> Result<[u8; N], TokenError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|_| TokenError::Random)?;
    Ok(bytes)
}

/// The 16 random bytes' canonical base64url (data-encoding rejects non-canonical trailing
/// bits, so one token has one spelling).
fn is_secret(text: &str) -> bool {
    text.len() == ENCODED_LEN
        && BASE64URL_NOPAD
            .decode(text.as_bytes())
            .is_ok_and(|bytes| bytes.len() == RANDOM_BYTES)
}

impl Token {
    /// A fresh token for a new invite: a random id and a random secret.
    pub fn mint() -> Result<Token, TokenError> {
        let id = BASE32_NOPAD
            .encode(&random::<ID_BYTES>()?)
            .to_ascii_lowercase();
        Token::mint_for(&id)
    }

    /// A fresh token for an existing invite (a relink): same id, new secret.
    pub fn mint_for(invite_id: &str) -> Result<Token, TokenError> {
        if !is_invite_id(invite_id) {
            return Err(TokenError::Shape);
        }
        let secret = BASE64URL_NOPAD.encode(&random::<RANDOM_BYTES>()?);
        Ok(Token(format!("{PREFIX}{invite_id}{secret}")))
    }

    /// Checks the shape only (prefix, length, alphabet, canonical encoding); no store read.
    pub fn parse(text: &str) -> Result<Token, TokenError> {
        if text.len() > MAX_LEN {
            return Err(TokenError::Shape);
        }
        let well_formed = if let Some(body) = text.strip_prefix(PREFIX) {
            body.len() == ID_LEN + ENCODED_LEN
                && body.is_char_boundary(ID_LEN)
                && is_invite_id(&body[..ID_LEN])
                && is_secret(&body[ID_LEN..])
        } else {
            text.strip_prefix(LEGACY_PREFIX).is_some_and(is_secret)
        };
        if !well_formed {
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

    /// The id the token carries (a first-format token's derives from its hash).
    pub fn invite_id(&self) -> String {
        match self.0.strip_prefix(PREFIX) {
            Some(body) => body[..ID_LEN].to_string(),
            None => BASE32_NOPAD
                .encode(&self.hash().0[..ID_BYTES])
                .to_ascii_lowercase(),
        }
    }
}

/// SHA-256 of a token.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct TokenHash(pub [u8; 32]);

impl std::fmt::Debug for TokenHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TokenHash({}…)", &self.to_hex()[..8])
    }
}

impl TokenHash {
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
