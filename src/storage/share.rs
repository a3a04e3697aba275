//! Share links: the plan, as JSON, compressed with lz-string into URL-safe characters and put in
//! the URL's fragment (`#share=<compressed>.<checksum>`), which browsers never send to a server.
//! The checksum (FNV-1a, 32 bits, of the JSON) makes a link that was cut short or altered fail
//! to open instead of opening as a different plan. Pure Rust, so decoding is fuzzed natively.

use thiserror::Error;

use crate::model::{Lang, PlanDraft};
use crate::storage::schema::{self, DecodeError};

/// What starts a share link's fragment (after `#`).
pub const SHARE_PREFIX: &str = "share=";

/// The longest compressed plan accepted, in characters. A 10-stage plan with long names is about
/// 1,000; the cap bounds the work a hostile link can cause (at most about 8 million UTF-16
/// units decompressed).
pub const MAX_SHARE_CHARS: usize = 8_000;

/// Why a share link could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ShareError {
    /// Truncated, altered or not a plan at all.
    #[error("the share link is damaged or incomplete")]
    Damaged,
    /// Made by a newer version of the app.
    #[error("the share link was made by a newer version (schema {0})")]
    NewerVersion(u64),
}

/// The URL fragment (without `#`) that carries `draft`, or `None` when the plan is too large for
/// a link (names of thousands of characters): it could not be opened.
pub fn share_fragment(draft: &PlanDraft) -> Option<String> {
    let json = schema::encode_shared(draft);
    let payload = lz_str::compress_to_encoded_uri_component(json.as_str());
    (payload.len() <= MAX_SHARE_CHARS)
        .then(|| format!("{SHARE_PREFIX}{payload}.{:08x}", checksum(&json)))
}

/// The checksum a link ends with: FNV-1a, 32 bits, of `text`'s UTF-8 bytes. Enough to notice a
/// damaged link, not meant to resist a forger (the link's content is the sender's anyway).
/// Public so tests can make links around any JSON after checking it against FNV-1a's published
/// values.
///
/// Example: `checksum("a")` is `0xe40c292c`.
pub fn checksum(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |hash: u32, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// Whether the fragment `fragment` (with or without `#`) is meant as a share link.
pub fn is_share_fragment(fragment: &str) -> bool {
    fragment.trim_start_matches('#').starts_with(SHARE_PREFIX)
}

/// The plan in a share link's fragment (with or without `#`), its numbers written in `lang`'s
/// format.
pub fn decode_fragment(fragment: &str, lang: Lang) -> Result<PlanDraft, ShareError> {
    let payload = fragment
        .trim_start_matches('#')
        .strip_prefix(SHARE_PREFIX)
        .ok_or(ShareError::Damaged)?;
    // Some mail programs and chat apps percent-encode `$` and `+`; undo only those.
    let payload = payload
        .replace("%24", "$")
        .replace("%2B", "+")
        .replace("%2b", "+");
    let (payload, sum) = payload.rsplit_once('.').ok_or(ShareError::Damaged)?;
    let sum = (sum.len() == 8)
        .then(|| u32::from_str_radix(sum, 16).ok())
        .flatten()
        .ok_or(ShareError::Damaged)?;
    if payload.is_empty() || payload.len() > MAX_SHARE_CHARS {
        return Err(ShareError::Damaged);
    }
    let wide = lz_str::decompress_from_encoded_uri_component(payload).ok_or(ShareError::Damaged)?;
    let json = String::from_utf16(&wide).map_err(|_| ShareError::Damaged)?;
    if checksum(&json) != sum {
        return Err(ShareError::Damaged);
    }
    schema::decode_shared(&json)
        .map(|draft| draft.settled(lang))
        .map_err(|error| match error {
            DecodeError::NewerVersion(version) => ShareError::NewerVersion(version),
            DecodeError::Damaged(_) => ShareError::Damaged,
        })
}
