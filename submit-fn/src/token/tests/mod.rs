//! Token round trips and every way a token is refused.

use super::*;

#[test]
fn round_trip_finds_the_same_invite() {
    let token = Token::mint().unwrap();
    assert!(token.as_str().starts_with(PREFIX));
    assert_eq!(token.as_str().len(), PREFIX.len() + ID_LEN + ENCODED_LEN);
    let parsed = Token::parse(token.as_str()).unwrap();
    assert_eq!(parsed.invite_id(), token.invite_id());
    assert!(parsed.hash().matches(&token.hash()));
    assert!(is_invite_id(&token.invite_id()));
    let hex = token.hash().to_hex();
    assert_eq!(TokenHash::from_hex(&hex), Some(token.hash()));
}

#[test]
fn a_relink_token_keeps_the_id_and_changes_the_secret() {
    let token = Token::mint().unwrap();
    let again = Token::mint_for(&token.invite_id()).unwrap();
    assert_eq!(again.invite_id(), token.invite_id());
    assert!(!again.hash().matches(&token.hash()));
    assert_eq!(Token::parse(again.as_str()), Ok(again.clone()));
    assert_eq!(Token::mint_for("NOT-AN-ID"), Err(TokenError::Shape));
}

#[test]
fn a_first_format_token_finds_the_id_its_hash_names() {
    let legacy = Token::parse("rr1_AAAAAAAAAAAAAAAAAAAAAA").unwrap();
    let id = legacy.invite_id();
    assert!(is_invite_id(&id));
    let hash = legacy.hash().0;
    assert_eq!(
        id,
        data_encoding::BASE32_NOPAD
            .encode(&hash[..10])
            .to_ascii_lowercase()
    );
}

#[test]
fn two_mints_differ() {
    assert_ne!(Token::mint().unwrap(), Token::mint().unwrap());
}

#[test]
fn every_altered_character_is_rejected_or_misses() {
    let token = Token::mint().unwrap();
    let text = token.as_str();
    for i in 0..text.len() {
        for replacement in ['A', 'z', '0', '-', '_', '.', ' '] {
            let mut chars: Vec<char> = text.chars().collect();
            if chars[i] == replacement {
                continue;
            }
            chars[i] = replacement;
            let altered: String = chars.into_iter().collect();
            match Token::parse(&altered) {
                Err(TokenError::Shape) => {}
                Ok(other) => assert!(
                    !other.hash().matches(&token.hash()),
                    "altered token at {i} matched"
                ),
                Err(e) => panic!("{e}"),
            }
        }
    }
}

#[test]
fn wrong_shapes_are_rejected() {
    let token = Token::mint().unwrap();
    let good = token.as_str();
    for bad in [
        String::new(),
        "rr1_".into(),
        "rr2_".into(),
        good[PREFIX.len()..].to_string(),
        format!("rr1_{}", &good[PREFIX.len()..]),
        format!("rr3_{}", &good[PREFIX.len()..]),
        format!("rr2_{}", &good[PREFIX.len() + ID_LEN..]),
        format!("rr2_{}{}", "A".repeat(16), &good[PREFIX.len() + ID_LEN..]),
        format!("{good}A"),
        good[..good.len() - 1].to_string(),
        format!("{good}{}", "A".repeat(100)),
        format!("rr1_{}", "+".repeat(22)),
        format!("{}{}", &good[..PREFIX.len() + ID_LEN], "+".repeat(22)),
        format!("rr2_é{}", &good[PREFIX.len() + 2..]),
    ] {
        assert_eq!(Token::parse(&bad), Err(TokenError::Shape), "{bad:?}");
    }
    assert!(!is_invite_id("ABCDEFGHIJKLMNOP"));
    assert!(!is_invite_id("abc"));
}

#[test]
fn debug_never_shows_the_token() {
    let token = Token::mint().unwrap();
    assert!(!format!("{token:?}").contains(token.as_str()));
}
