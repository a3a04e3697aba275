//! Share links: any plan survives the trip through a link exactly, links made today keep opening,
//! and a truncated, altered or hostile link is refused without panicking; a link that was only cut
//! short never opens as a different plan.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
mod strategies;

use common::{example, example_with_channels};
use funnel_planner::model::annual::{AnnualDraft, ExistingPart, GoalMode, ObjectiveDraft};
use funnel_planner::model::forecast::draft::{ForecastDraft, PhasingMode};
use funnel_planner::model::marketing::{RankBy, MAX_CHANNELS};
use funnel_planner::model::page_data::PageData;
use funnel_planner::model::results::{CellAt, PlanYear, Row, MONTHS};
use funnel_planner::model::{Lang, MarketingDraft, PlanDraft, StageDraft, StageId};
use funnel_planner::storage::schema::{
    decode_shared, encode_shared, DecodeError, Expected, Problem, Reason,
};
use funnel_planner::storage::share::{
    checksum, decode_fragment, is_share_fragment, share_fragment, ShareError, MAX_SHARE_CHARS,
    SHARE_PREFIX,
};
use proptest::prelude::*;
use serde_json::{json, Value};
use strategies::{any_draft, json_tree};

/// The characters lz-string's URI-safe decoder reads; its encoder writes only the first 64.
const URI_ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";

/// The link to the example plan as version 2 made it (schema 2, no marketing side): links already
/// sent must keep opening.
const EXAMPLE_LINK_V2: &str = concat!(
    "share=N4IgzgxgFgpgtgQwPoDcYCcwEsD2A7EALgCYAaEABwBsEDDQ8E4YiQAFGg8gcxwStboYaPAFcW",
    "5ISPFJe-VgEYADKSVrVakOTwwA7kgiiwAFxzNMsvgMIgtIBGnQJuMJFJhjXFDAaOnziqTKKmpKdibOMG",
    "BEANqgWAAmRAraTCw2AGpY2MbRkgjGrqZIOgAexooAdACsIAC+pPFJJKnMrAAyMAgJeSBOhUjFZRU2xG",
    "ENTUQAzK3pIACyAIrtvf1FOCUw5axj9Y0giUQALLOsAMrLqwXrm9s2R+P7h4TVpzYA8hQUOOjGonhYYx",
    "YKJ2NaDDbDVjVR6TQgANjeIAAwn4zBgrgMhlsRrY6gBdciGdBCPDGcEUJDedBIOD4YxQVj1OpAA.e22ce8b7",
);

/// The same plan as version 4 made it (schema 4, with its currency and the language its numbers
/// are typed in): links already sent must keep opening.
const CHANNELS_LINK_V4: &str = concat!(
    "share=N4IgzgxgFgpgtgQwPoDcYCcwEsD2A7EALgBYAaEABwBsEDDQ8E4YiQAFGg8gcxwStZ4YAdyQQA",
    "rmAAuOZphDl0MNHnEwkvfqwCMABlK7DBwwpBDRE6bIxgNfAYRABOUwjToE3dUpVqkFDDFJGTkdUj19Q1",
    "1TaU8YMCIAbVAsABMibXJGZlYANSxsKQTFBCl1GSQhAA8pHQA6AFYQAF9SFPTCACYsphZHABkYBFTikA",
    "8ypArq2sdO6Nb2ogBmHpzHAFkARX7R8fKcSpga1jmWtpA0ojIzXtYAZW3d0v3D48diefPLwgbVvpAAPI",
    "UCg4dBScR4LBSLDxUx7SYHaasBqfRaEABsf1YAGFgtZ5CUJlMjjMQC0ALrkCToJR4KQIij+QJwfBSKCs",
    "UyIdAAaxg0Lw3CIoAARuJUl5Sb8oqZReK+Uz0LgOiAWXT2VSoLQhFQEoRkhcOpkbmt2Ag0gACMBDdDQG",
    "KapSsD4xAJ4ZWY6WKZQwVT-JaREzkWJeXX6oN9I0oHBUcQm7oesbPVhLM6gMNEbogSPRk3o6KE-4p8BS",
    "OJEX6ZqMx-5NfMchZFksY8hZysnOGJxwUuvfDPZf4AUUQWAEgftBcDLuVmXjPm9ah0cYD9eDSVTxa86a",
    "bFZNKLbZVr5zTP032f+xF3Bbrh8x5ZPOnPtfJXY6K2N-ZURTtCAdHfH3uVc2MPMxi9H0k39ICwxDVcGw",
    "zZtt0XPZ92g9cjxvFtHD0e8O0vNc+mvOD-k6LCyWaR9KRASwQhsJBSiQWIwRORdKPxWxaL-E4-VMZi5F",
    "scxkSA7h0BwMBbC5bgsDoEBc1MKgsAAMz5LATQAT2tUZZIU6FmCQVSv11EBkw1cR0EkzpqwTPBuSQYVl",
    "NYCAEAgTkcDQBUIG9UlTlaCjjNpCBbMcABVO4ABFTCkZSAlSJAJNYb0WmaIA.f3a9d427",
);

/// The same plan as version 5 made it (schema 5, with an empty tracking side): links already sent
/// must keep opening.
const CHANNELS_LINK_V5: &str = concat!(
    "share=N4IgzgxgFgpgtgQwPoDcYCcwEsD2A7EALgFYAaEABwBsEDDQ8E4YiQAFGg8gcxwStZ4YAdyQQA",
    "rmAAuOZphDl0MNHnEwkvfqwCMABlK7DBwwpBDRE6bIxgNfAYRABOUwjToE3dUpVqkFDDFJGTkdUj19Q1",
    "1TaU8YMCIAbVAsABMibXJGZlYANSxsKQTFBCl1GSQhAA8pHQA6YhAAX1IU9MIAJiymFkcAGRgEVOKQDz",
    "KkCuraxw7olraiAGZunMcAWQBFPpGx8pxKmBrWWebWkDSiABYV3pAAZS2d0r2Do8dLubOLkhvWAHkKBQ",
    "cOgpOI8FgpFh4qZdhN9lNWMRPgtCAA2X6OADCwWs8hK40mh2mIGaAF1yBJ0Eo8FI4RR-IE4PgpFBWKZE",
    "OgANYwSF4bhEUAAI3EqS8xLIUVMwtFPIZ6Fw7RATJprIpUFoQioCUIyXO7UyZh6rDYCDSAAIwIN0NAYu",
    "qlKwPjEAnhFejJYplDBVLdFpETORYl5tbrA70DSgcFRxKsQF13aNnqxFqdQKGiF0QBGozHUdF8bcU+Ap",
    "HEiGRM5Ho7dGvm2fMiyW0eQs5XjjDE44yXXvhnsrcAKKILACAN2gsB52KzLxnxetQ6OP++tBpKp4tedN",
    "NisxpFtsq1s5pn7l7O3S67gt1w-o48txzac+10ld9rLQ0xvsqIq2hD2jvjr2KrMxh5qMnrekmfogaGwa",
    "rg2GbNtui67PusHrkeCG3HoD4dpea69NeGGtjWOFPuSICWCENhIKUSCxCCxyLhRuK2DRAHHL6phMXItj",
    "mIiIHcOgOBgLYHLcFgdAgLmphUFgABmPJYDGACeVojDJ8mQswSAqT+2ogMmariOgEkdNWCZ4JySCCkpr",
    "AQAgEDsjgaByhAXrEicLTkUZ1IQDZjgAKp3AAIqYUhKQEqRIOJrBeqFHgQJy4n8vQ9b0YQqhUFQHpgOI",
    "VBfjqZGyTglhJIkJLkCA5JlaYlWkNVFVVeVJKkk+TRNEAA.7ea7b76a",
);

/// The same plan as version 6 made it (schema 6, with no annual plan): links already sent must
/// keep opening.
const CHANNELS_LINK_V6: &str = concat!(
    "share=N4IgzgxgFgpgtgQwPoDcYCcwEsD2A7EALgDYAaEABwBsEDDQ8E4YiQAFGg8gcxwStZ4YAdyQQA",
    "rmAAuOZphDl0MNHnEwkvfqwCMABlK7DBwwpBDRE6bIxgNfAYRABOUwjToE3dUpVqkFDDFJGTkdUj19Q1",
    "1TaU8YMCIAbVAsABMibXJGZlYANSxsKQTFBCl1GSQhAA8pHQA6AFYQAF9SFPTCACYsphZHABkYBFTikA",
    "8ypArq2sdO6Nb2ogBmHpzHAFkARX7R8fKcSpga1jmWtpA0ogAWVb6QAGVt3dL9w+PHK-nzy8IG29YAPI",
    "UCg4dBScR4LBSLDxUx7SYHaasBpfRYkf6OADCwWs8hKEymRxmIBaAF1yBJ0Eo8FIERR-IE4PgpFBWKZE",
    "OgANYwaF4bhEUAAI3EqS8xL+UVMwtFPIZ6FwHRATJprIpUFoQioCUIyQuHUyZl6rDYCDSAAIwEN0NAYu",
    "qlKxPjEAnhFWRJYplDBVHclpETORYl5tbrA30DSgcFRxGsQN13WMXqwlmdQKGiN0QBGozHiNF8XcU+Ap",
    "HEiH9M5Ho3cmvm2QsiyX0eXs3dOnDE44yXWfhnsncAKKILACAN2gsB52KzLxnxetQ6OP++tBpKp4tedP",
    "kLOV5F5hNlWvnNO-TcVmNXNv7jt1o9kJvbxzaC8F5qkrsdFaGmN9lRFW0Ie0duOXqKnMxi7jO3pJn6u6",
    "hsGq4NhmW4xii4HtiS15rn0ZZIXcehPge8Hro2OEnPhV6vuSICWCENhIKUSCxGCJyLtRuK2PRwEnL6pi",
    "sXItjmDupjcOgOBgLYHLcFgdAgLmphUFgABmPJYDGACeVqjPJSnQswSDqf+2ogMmariOg0mdNWCZ4JyS",
    "CCqprAQAgEDsjgaByhAXrEqcrRUaZ1IQPZjgAKr3AAIqYUiqQEqRIFJrBehFHgQJyUn8vQ9ZMYQqhUFQ",
    "HpgOIVC-jqlEKTglhJIkJLkCA5KVaYNWkHV1W1VVJKkq+5AauIWhXs0QA.f37524da",
);

/// The same plan as version 7 made it (with no annual plan and no forecast).
const CHANNELS_LINK_V7: &str = concat!(
    "share=N4IgzgxgFgpgtgQwPoDcYCcwEsD2A7EALgHYAaEABwBsEDDQ8E4YiQAFGg8gcxwStZ4YAdyQQA",
    "rmAAuOZphDl0MNHnEwkvfqwCMABlK7DBwwpBDRE6bIxgNfAYRABOUwjToE3dUpVqkFDDFJGTkdUj19Q1",
    "1TaU8YMCIAbVAsABMibXJGZlYANSxsKQTFBCl1GSQhAA8pHQA6AFYQAF9SFPTCACYsphZHABkYBFTikA",
    "8ypArq2sdO6Nb2ogBmHpzHAFkARX7R8fKcSpga1jmWtpA0ogAWVb6QAGVt3dL9w+PHK-nzy8IG29YAPI",
    "UCg4dBScR4LBSLDxUx7SYHaasBpfRaEABs-0cAGFgtZ5CUJlMjjMQC0ALrkCToJR4KQIij+QJwfBSKCs",
    "UyIdAAaxg0Lw3CIoAARuJUl5SX8oqZReK+Uz0LgOiAWXT2VSoLQhFQEoRkhcOpkzL1WGwEGkAARgIboa",
    "AxTVKVifGIBPDKzHSxTKGCqO5LSImcixLy6-XBvpGlA4KjiNYgbqesYvVhLM6gcNEbogKMxuPo6KEu5p",
    "8BSOJEP7Z6Oxu5NQschYlssY8g56snOHJxwUhs-LPZO4AUUQWAEQYdRaDruVmUTPh9ah0CcDjZDSXTpa",
    "8mZbVbjKI7ZXr5wzv23ubuV33RYbx8xlbPOkv9fJPY6K2NcYHKiK9oQjq7k59ZU5mMAsxm9X0UwDUDw1",
    "DdcmyzVtd2XPZDzgzcTzvNtHD0R8u2vDc+lvRC7k6XCyWaZ9KRASwQhsJBSiQWIwROZcaPxWwGMAk5-V",
    "MNi5FscxkVA7h0BwMBbC5bgsDoEB81MKgsAAMz5LA4wATxtUYFOU6FmCQDTf11EBUw1cR0BkzpayTPBu",
    "SQYU1NYCAEAgTkcDQBUIB9UlTlaaizNpCAHMcABVe4ABFTCkNSAlSJBpNYH1Io8CBuWkwV6EbZjCFUKg",
    "qC9MBxCob89SoxScEsJJEjJcgQEpKrTFq0h6pqurqrJcln3ILVxC0f8QDKpQnOketmiAA.6a9e94c6",
);

/// The same plan as this version makes it (schema 8; a link's plan is as in 7): a change to
/// what a link carries shows here.
const CHANNELS_LINK_V8: &str = concat!(
    "share=N4IgzgxgFgpgtgQwPoDcYCcwEsD2A7EALgA4AaEABwBsEDDQ8E4YiQAFGg8gcxwStZ4YAdyQQA",
    "rmAAuOZphDl0MNHnEwkvfqwCMABlK7DBwwpBDRE6bIxgNfAYRABOUwjToE3dUpVqkFDDFJGTkdUj19Q1",
    "1TaU8YMCIAbVAsABMibXJGZlYANSxsKQTFBCl1GSQhAA8pHQA6AFYQAF9SFPTCACYsphZHABkYBFTikA",
    "8ypArq2sdO6Nb2ogBmHpzHAFkARX7R8fKcSpga1jmWtpA0ogAWVb6QAGVt3dL9w+PHK-nzy8IG29YAPI",
    "UCg4dBScR4LBSLDxUx7SYHaasBpfRaEABs-0cAGFgtZ5CUJlMjjMQC0ALrkCToJR4KQIij+QJwfBSKCs",
    "UyIdAAaxg0Lw3CIoAARuJUl5SX8oqZReK+Uz0LgOiAWXT2VSoLQhFQEoRkhcOpkzL1WGwEGkAARgIboa",
    "AxTVKVifGIBPDKzHSxTKGCqO5LSImcixLy6-XBvpGlA4KjiNYgbqesYvVhLM6gcNEbogKMxuPo6KEu5p",
    "8BSOJEP7Z6Oxu5NQschYlssY8g56snOHJxwUhs-LPZO4AUUQWAEQYdRaDruVmUTPh9ah0CcDjZDSXTpa",
    "8mZbVbjKI7ZXr5wzv23ubuV33RYbx8xlbPOkv9fJPY6K2NcYHKiK9oQjq7k59ZU5mMAsxm9X0UwDUDw1",
    "DdcmyzVtd2XPZDzgzcTzvNtHD0R8u2vDc+lvRC7k6XCyWaZ9KRASwQhsJBSiQWIwROZcaPxWwGMAk5-V",
    "MNi5FscxkVA7h0BwMBbC5bgsDoEB81MKgsAAMz5LA4wATxtUYFOU6FmCQDTf11EBUw1cR0BkzpayTPBu",
    "SQYU1NYCAEAgTkcDQBUIB9UlTlaaizNpCAHMcABVe4ABFTCkNSAlSJBpNYH1Io8CBuWkwV6EbZjCFUKg",
    "qC9MBxCob89SoxScEsJJEjJcgQEpKrTFq0h6pqurqrJcln3ILVxC0f8QDKpQnOketmiAA.fcaf730f",
);

/// The link to the example plan with channels as version 3 made it: links already sent must keep
/// opening.
const CHANNELS_LINK: &str = concat!(
    "share=N4IgzgxgFgpgtgQwPoDcYCcwEsD2A7EALgGYAaEABwBsEDDQ8E4YiQAFGg8gcxwStZ4YAdyQQA",
    "rmAAuOZphDl0MNHnEwkvfqwCMABlK7DBwwpBDRE6bIxgNfAYRABOUwjToE3dUpVqkFDDFJGTkdUj19Q1",
    "1TaU8YMCIAbVAsABMibXJGZlYANSxsKQTFBCl1GSQhAA8pHQA6AFYQAF9SFPTCACYsphZHABkYBFTikA",
    "8ypArq2sdO6Nb2ojIzXtYAWQBFftHx8pxKmBrWOZa2kDSiABYenMcAZS2d0r2Do8dL+bOLwgabvpAAPI",
    "UCg4dBScR4LBSLDxUy7Sb7aasBqfRaEABsf1YAGFgtZ5CUJlNDjMQC0ALrkCToJR4KQIij+QJwfBSKCs",
    "UyIdAAaxg0Lw3CIoAARuJUl5Sb8oqZReK+Uz0LgOiAWXT2VSoLQhFQEoRkucOpkVrd2Ag0gACMBDdDQG",
    "KapSsD4xAJ4ZWY6WKZQwVT-YiREzkWJeXX6oN9I0oHBUcQm7oesbPVjEU6gMNEbogSPRk3o6KE-4p8BS",
    "OJEX6ZqMx-5NfMchZFksY8hZyvHOGJxwUuvfDPZf4AUUQWAEgftBcDLuVmXjPm9ah0cYD9eDSVTxa86a",
    "bFZNKLbZVrZzTP032f+l13Bbrh8x5ZPOnPtfJXY6y17rD7KiKdoQDo74+9yrmYw8zGL0fSTf1gLDENVw",
    "bDNm23Rddn3GD1yPG8W0cPR7w7S81z6a94P+TpsLJZpH0pEBLBCGwkFKJBYjBY5Fyo-FbDo-9jj9UwWL",
    "kWxzGRYDuHQHAwFsLluCwOgQFzUwqCwAAzPksBNABPa1RjkxToWYJA1O-XUQGTDVxHQKTOmrBM8G5JBh",
    "RU1gIAQCBORwNAFQgb1SROZpvKAA.717d5d36",
);

/// A link carrying `json` with a correct checksum, so what is tested is how the JSON reads. The
/// checksum is the real one, itself checked against FNV-1a's known values in
/// `the_checksum_is_fnv_1a`; the layout is the one the literal links above have.
fn link_to(json: &str) -> String {
    format!(
        "{SHARE_PREFIX}{}.{:08x}",
        lz_str::compress_to_encoded_uri_component(json),
        checksum(json)
    )
}

fn problem(path: &str, reason: Reason) -> Problem {
    Problem {
        path: path.to_owned(),
        reason,
    }
}

/// A large but realistic plan: ten stages, long names in several scripts.
fn large_plan() -> PlanDraft {
    let mut draft = example();
    draft.name = "Plan de croissance 2027 — Zürich / 東京 / São Paulo, \"aggressive\" 🚀".repeat(2);
    draft.stages = (1..=10)
        .map(|n| StageDraft {
            id: StageId(n),
            name: format!("Étape {n}: qualifiziert durch Vertrieb — 営業による確認 ({n})"),
            rate_to_next: if n == 10 {
                String::new()
            } else {
                format!("{}.5", 10 + n)
            },
        })
        .collect();
    draft.current_top_per_month = "120,000".to_owned();
    draft
}

/// The large plan with as many channels as a plan can have, each with every field typed: a
/// long name, a share, spend and revenue, and a volume and an own rate at every stage.
fn large_plan_with_channels() -> PlanDraft {
    let mut draft = large_plan();
    draft.marketing = MarketingDraft::default();
    let marketing = &mut draft.marketing;
    marketing.budget = "1,250,000.50".to_owned();
    marketing.gross_margin = "62.5".to_owned();
    marketing.lifetime_years = "3.5".to_owned();
    marketing.churn = "28.6".to_owned();
    marketing.customers_at_start = "12,400".to_owned();
    marketing.customers_at_end = "13,150".to_owned();
    marketing.customers_new = "2,310".to_owned();
    marketing.rank_by = RankBy::StageCost(StageId(2));
    for n in 1..=MAX_CHANNELS as u32 {
        let name = format!("Kanal {n}: Suchmaschinenwerbung — 検索広告 ({n})");
        let Some(channel) = marketing
            .add_channel(&name)
            .and_then(|id| marketing.channel_mut(id))
        else {
            panic!("room for channel {n}");
        };
        channel.share = format!("{}.25", n % 9);
        channel.spend = format!("{},{:03}.50", 10 + n, 7 * n);
        channel.revenue = format!("{},{:03},000", n, 13 * n);
        for stage in 1..=10 {
            let entry = channel.stage_mut(StageId(stage));
            entry.volume = format!("{},{:03}", 11 - stage, 37 * n + stage);
            entry.rate = format!("{}.{}", 5 + stage, n);
        }
    }
    draft
}

/// What a plan year's result looks like in month `month` for the `owner`-th owner (0 the whole
/// plan, 1–12 the channels) at the `row`-th row (the 10 stages, then spend, then revenue):
/// figures of the size a year brings, varying from cell to cell so that they compress as real
/// figures do.
fn result_text(owner: u32, row: u32, month: u32) -> String {
    match row {
        0..=9 => format!(
            "{},{:03}",
            60 / (row + 1) + owner,
            (37 * month + 11 * owner) % 1000
        ),
        10 => format!(
            "{},{:03}.{:02}",
            4 + owner,
            (91 * month) % 1000,
            (7 * month + owner) % 100
        ),
        _ => format!(
            "{},{:03},000",
            1 + month % 3,
            (113 * month + 17 * owner) % 1000
        ),
    }
}

/// The large plan with channels and a whole year tracked: 12 months of results in every row of
/// the grid (every stage, the spend and the revenue) for the whole plan, and, when `by_channel`,
/// for each of the 12 channels too; two focus areas in every quarter.
fn large_plan_with_a_year_of_results(by_channel: bool) -> PlanDraft {
    let mut draft = large_plan_with_channels();
    let rows: Vec<Row> = (1..=10)
        .map(|stage| Row::Stage(StageId(stage)))
        .chain([Row::Spend, Row::Revenue])
        .collect();
    let channels = draft
        .marketing
        .channels
        .iter()
        .map(|channel| Some(channel.id));
    let owners: Vec<_> = std::iter::once(None)
        .chain(channels.take(if by_channel { MAX_CHANNELS } else { 0 }))
        .collect();
    let tracking = &mut draft.tracking;
    tracking.start = PlanYear::new(2027, 4);
    for (owner, channel) in (0u32..).zip(owners) {
        for (index, &row) in (0u32..).zip(&rows) {
            for (month, m) in (0..MONTHS).zip(0u32..) {
                let at = CellAt {
                    month,
                    row,
                    channel,
                };
                tracking.set_text(at, result_text(owner, index, m));
            }
        }
    }
    tracking.focus = std::array::from_fn(|quarter| {
        [
            format!("Q{}: Landing pages — Zielseiten überarbeiten", quarter + 1),
            format!(
                "Q{}: Webinar series with partners, 東京 and São Paulo",
                quarter + 1
            ),
        ]
    });
    draft
}

// ---------------------------------------------------------------------------------------------
// Links that open

#[test]
fn links_made_by_version_2_keep_opening_without_channels() {
    assert_eq!(
        decode_fragment(EXAMPLE_LINK_V2, Lang::English),
        Ok(example())
    );
    assert_eq!(
        decode_fragment(&format!("#{EXAMPLE_LINK_V2}"), Lang::English),
        Ok(example())
    );
}

#[test]
fn links_made_by_version_3_and_this_version_keep_opening() {
    let draft = example_with_channels();
    // Version 3 links carry no currency: they open in the page language's usual one.
    assert_eq!(
        decode_fragment(CHANNELS_LINK, Lang::English),
        Ok(draft.clone())
    );
    assert_eq!(
        decode_fragment(&format!("#{CHANNELS_LINK}"), Lang::English),
        Ok(draft.clone())
    );
    assert_eq!(
        decode_fragment(CHANNELS_LINK_V4, Lang::English),
        Ok(draft.clone())
    );
    assert_eq!(
        decode_fragment(CHANNELS_LINK_V5, Lang::English),
        Ok(draft.clone())
    );
    assert_eq!(
        decode_fragment(CHANNELS_LINK_V6, Lang::English),
        Ok(draft.clone())
    );
    assert_eq!(
        decode_fragment(CHANNELS_LINK_V7, Lang::English),
        Ok(draft.clone())
    );
    assert_eq!(
        decode_fragment(CHANNELS_LINK_V8, Lang::English),
        Ok(draft.clone())
    );
    assert_eq!(share_fragment(&draft).as_deref(), Some(CHANNELS_LINK_V8));
    // Opened in Polish, the same plan with its numbers typed the Polish way, still in dollars.
    let polish = decode_fragment(CHANNELS_LINK_V4, Lang::Polish).expect("opens");
    assert_eq!(polish.currency, "USD");
    assert_eq!(polish.marketing.budget, "5000");
    assert_eq!(polish, draft.retyped(Lang::Polish));
}

/// An annual plan typed in English: last year's revenue, a goal of 10 % growth, upsell of
/// 500,000 and an objective whose name needs escaping in JSON.
fn annual_plan() -> AnnualDraft {
    let mut annual = AnnualDraft::new(Lang::English);
    annual.last_year.revenue = "10,000,000".to_owned();
    annual.goal.mode = GoalMode::Growth;
    annual.goal.growth = "12.5".to_owned();
    annual.existing.upsell = ExistingPart {
        text: "500,000".to_owned(),
        is_percent: false,
    };
    annual.objectives.push(ObjectiveDraft {
        id: 1,
        metric: "Pengiriman email — \"open\" \\ ść\nrate".to_owned(),
        target: "1,250.5".to_owned(),
        ..ObjectiveDraft::default()
    });
    annual
}

#[test]
fn a_link_carries_the_annual_plan_as_typed() {
    let mut draft = example_with_channels();
    draft.annual = annual_plan().encode();
    let fragment = share_fragment(&draft).expect("fits in a link");
    assert_eq!(decode_fragment(&fragment, Lang::English), Ok(draft.clone()));
    // Opened in Polish, the plan's own numbers are retyped but the annual plan's text is kept as
    // it is: it names the language it was typed in, and the Annual plan page retypes it when it
    // reads it.
    let polish = decode_fragment(&fragment, Lang::Polish).expect("opens");
    assert_eq!(polish.annual, draft.annual);
    assert_eq!(polish, draft.clone().retyped(Lang::Polish));
    let read = AnnualDraft::of_plan(&polish, Lang::Polish).expect("an annual plan");
    // 10000000 has 8 digits: grouped in threes with a space; 500000 too; 12.5 and 1250.5 take
    // a decimal comma, and 1250 (4 digits) has no separator in Polish.
    assert_eq!(read.last_year.revenue, "10 000 000");
    assert_eq!(read.existing.upsell.text, "500 000");
    assert_eq!(read.goal.growth, "12,5");
    assert_eq!(read.objectives[0].target, "1250,5");
    assert_eq!(read.typed_in, "pl");
    // Text that is not an annual plan at all is carried as it is too.
    draft.annual = "not an annual plan: \"{[\\\n".to_owned();
    let fragment = share_fragment(&draft).expect("fits in a link");
    assert_eq!(
        decode_fragment(&fragment, Lang::French),
        Ok(draft.retyped(Lang::French))
    );
}

/// A forecast typed in English: the year phased by weights (one with decimals), days from the
/// first stage to the next, ranges around two rates, a range around the average revenue, a seed,
/// a scenario percentage with decimals and a plan compared side by side.
fn forecast_plan() -> ForecastDraft {
    let mut forecast = ForecastDraft::new(Lang::English);
    forecast.phasing = PhasingMode::Weights;
    for (month, weight) in [
        "6", "7", "9", "10", "10", "8", "5", "5", "9", "11", "10", "10.5",
    ]
    .into_iter()
    .enumerate()
    {
        forecast.set_weight(month, weight.to_owned());
    }
    forecast.set_days(StageId(1), "14".to_owned());
    forecast.set_range(StageId(1), false, "1.5".to_owned());
    forecast.set_range(StageId(1), true, "2.5".to_owned());
    forecast.set_range(StageId(3), true, "30".to_owned());
    forecast.revenue_low = "900,000".to_owned();
    forecast.revenue_high = "1,400,000".to_owned();
    forecast.seed = "2027".to_owned();
    forecast.scenario_percent = "12.5".to_owned();
    forecast.compare = vec!["p1a2b3e-ch4n".to_owned()];
    forecast
}

#[test]
fn a_link_carries_the_forecast_as_typed() {
    let mut draft = example_with_channels();
    draft.annual = annual_plan().encode();
    draft.forecast = forecast_plan().encode();
    assert_ne!(draft.forecast, "");
    let fragment = share_fragment(&draft).expect("fits in a link");
    assert_eq!(decode_fragment(&fragment, Lang::English), Ok(draft.clone()));
    // The forecast reads back as it was typed.
    let opened = decode_fragment(&fragment, Lang::English).expect("opens");
    assert_eq!(
        ForecastDraft::decode(&opened.forecast, Lang::English),
        Ok(forecast_plan())
    );
    // Opened in Polish, the plan's own numbers are retyped but the forecast's text is kept as it
    // is: it names the language it was typed in, and the Forecast page retypes it when it reads
    // it.
    let polish = decode_fragment(&fragment, Lang::Polish).expect("opens");
    assert_eq!(polish.forecast, draft.forecast);
    assert_eq!(polish.annual, draft.annual);
    assert_eq!(polish, draft.clone().retyped(Lang::Polish));
    let read = ForecastDraft::of_plan(&polish, Lang::Polish).expect("a forecast");
    // Decimals take a comma; 900000 and 1400000 are grouped in threes with a space; 2027 (4
    // digits) has no separator in Polish.
    assert_eq!(read.weight(11), "10,5");
    assert_eq!(read.range_of(StageId(1)), ("1,5", "2,5"));
    assert_eq!(read.range_of(StageId(3)), ("", "30"));
    assert_eq!(read.days_of(StageId(1)), "14");
    assert_eq!(read.revenue_low, "900 000");
    assert_eq!(read.revenue_high, "1 400 000");
    assert_eq!(read.seed, "2027");
    assert_eq!(read.scenario_percent, "12,5");
    assert_eq!(read.compare, ["p1a2b3e-ch4n"]);
    assert_eq!(read.typed_in, "pl");
    // Text that is not a forecast at all is carried as it is too.
    draft.forecast = "not a forecast: \"{[\\\n — ść".to_owned();
    let fragment = share_fragment(&draft).expect("fits in a link");
    assert_eq!(
        decode_fragment(&fragment, Lang::French),
        Ok(draft.retyped(Lang::French))
    );
}

#[test]
fn a_link_carries_its_plan_exactly() {
    for draft in [
        example(),
        large_plan(),
        example_with_channels(),
        large_plan_with_channels(),
    ] {
        let fragment = share_fragment(&draft).expect("fits in a link");
        assert!(fragment.starts_with(SHARE_PREFIX));
        assert!(is_share_fragment(&fragment));
        assert_eq!(decode_fragment(&fragment, Lang::English), Ok(draft.clone()));
        assert_eq!(
            decode_fragment(&format!("#{fragment}"), Lang::English),
            Ok(draft)
        );
    }
}

#[test]
fn the_largest_realistic_plan_fits_in_a_link() {
    let fragment = share_fragment(&large_plan()).expect("fits in a link");
    let payload = &fragment[SHARE_PREFIX.len()..];
    assert!(
        payload.len() <= MAX_SHARE_CHARS / 4,
        "{} characters",
        payload.len()
    );
}

#[test]
fn the_largest_realistic_plan_with_channels_fits_in_a_link() {
    // About 4,000 characters: half the limit, leaving room for a year of results (below).
    let fragment = share_fragment(&large_plan_with_channels()).expect("fits in a link");
    let payload = &fragment[SHARE_PREFIX.len()..];
    assert!(
        payload.len() <= MAX_SHARE_CHARS * 9 / 16,
        "{} characters",
        payload.len()
    );
}

#[test]
fn the_largest_realistic_plan_with_a_year_of_results_fits_in_a_link() {
    // Ten stages, 12 channels with every field typed, a whole year of the plan's results in
    // every row (144 cells) and every focus area: about 5,300 characters of the 8,000 a link
    // may have.
    let draft = large_plan_with_a_year_of_results(false);
    assert_eq!(draft.tracking.cells.len(), 12 * MONTHS);
    let fragment = share_fragment(&draft).expect("fits in a link");
    let payload = &fragment[SHARE_PREFIX.len()..];
    assert!(
        payload.len() <= MAX_SHARE_CHARS * 3 / 4,
        "{} characters",
        payload.len()
    );
    assert_eq!(decode_fragment(&fragment, Lang::English), Ok(draft));
}

#[test]
fn a_year_of_results_for_every_channel_too_makes_no_link_rather_than_a_broken_one() {
    // The same plan with a year of results for each of its 12 channels as well (1,872 cells):
    // about 14,600 characters compressed, over the 8,000 a link may have. No link is made (the
    // page says the plan is too large for a link) rather than one that would not open.
    let draft = large_plan_with_a_year_of_results(true);
    assert_eq!(draft.tracking.cells.len(), 13 * 12 * MONTHS);
    let json = encode_shared(&draft);
    let length = lz_str::compress_to_encoded_uri_component(json.as_str()).len();
    assert!(length > MAX_SHARE_CHARS, "{length} characters");
    assert_eq!(share_fragment(&draft), None);
}

#[test]
fn links_whose_plus_was_encoded_still_open() {
    // lz-string writes 64 of its 65 URI-safe characters: `+` appears in links, `$` never does.
    let (draft, fragment) = (0..200)
        .map(|n| {
            let mut draft = large_plan();
            draft.name = format!("Plan {n}");
            let fragment = share_fragment(&draft).expect("fits in a link");
            (draft, fragment)
        })
        .find(|(_, fragment)| fragment.contains('+'))
        .expect("a link with `+`");
    assert!(!fragment.contains('$'));
    // As some mail programs and chat apps encode it, and as a form decoder turns it into a space.
    assert_eq!(
        decode_fragment(&fragment.replace('+', "%2B"), Lang::English),
        Ok(draft.clone())
    );
    assert_eq!(
        decode_fragment(&fragment.replace('+', " "), Lang::English),
        Ok(draft)
    );
}

/// `letters` pseudo-random letters in words of 2–9: text that compresses about as badly as a
/// pasted paragraph of notes.
fn pasted_notes(seed: u32, letters: usize) -> String {
    let mut state = seed;
    let mut next = move |modulo: u32| {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (state >> 16) % modulo
    };
    let mut text = String::with_capacity(letters + letters / 4);
    let mut word = 0;
    for _ in 0..letters {
        text.push(char::from(b'a' + next(26) as u8));
        word += 1;
        if word >= 2 + next(8) {
            text.push(' ');
            word = 0;
        }
    }
    text
}

#[test]
fn a_link_that_is_made_always_opens() {
    // Notes pasted into the plan's and every stage's name: the page and storage accept the
    // draft, so a link made from it must open, or no link be made. With 300 letters each the
    // link is made; with 2,000 each it would be over the limit, so none is.
    for (letters, is_made) in [(300, true), (2_000, false)] {
        let mut draft = large_plan();
        draft.name = pasted_notes(1, letters);
        for (n, stage) in draft.stages.iter_mut().enumerate() {
            stage.name = pasted_notes(n as u32 + 2, letters);
        }
        match share_fragment(&draft) {
            Some(fragment) => {
                assert!(is_made, "{letters} letters");
                assert!(fragment.len() - SHARE_PREFIX.len() <= MAX_SHARE_CHARS + 9);
                assert_eq!(decode_fragment(&fragment, Lang::English), Ok(draft));
            }
            None => assert!(!is_made, "{letters} letters: no link was made"),
        }
    }
}

#[test]
fn the_checksum_is_fnv_1a() {
    // FNV-1a, 32 bits: start from 0x811c9dc5; for each byte, xor it in, then multiply by
    // 0x01000193, modulo 2^32.
    // No byte: the starting value itself.
    assert_eq!(checksum(""), 0x811c_9dc5);
    // "a" (0x61): 0x811c9dc5 xor 0x61 = 0x811c9da4. Times 0x01000193 = × 2^24 + × 0x193:
    // 0x811c9da4 × 2^24 mod 2^32 = 0xa4000000; 2,166,136,228 × 403 = 872,952,899,884, mod 2^32
    // = 1,074,538,796 = 0x400c292c; the sum is 0xe40c292c.
    assert_eq!(checksum("a"), 0xe40c_292c);
    // FNV's published test value for "foobar".
    assert_eq!(checksum("foobar"), 0xbf9c_f968);
}

#[test]
fn share_fragments_are_recognised() {
    for fragment in ["share=", "#share=", "share=abc", "##share=x"] {
        assert!(is_share_fragment(fragment), "{fragment:?}");
    }
    for fragment in [
        "",
        "#",
        "plan=1",
        "Share=x",
        " share=x",
        "#/share=x",
        "shar",
    ] {
        assert!(!is_share_fragment(fragment), "{fragment:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Links that do not open

#[test]
fn damaged_links_are_refused() {
    let good = share_fragment(&example()).expect("fits in a link");
    let payload = &good[SHARE_PREFIX.len()..];
    for fragment in [
        String::new(),
        "#".to_owned(),
        "share=".to_owned(),
        "#share=".to_owned(),
        "share=%24".to_owned(),
        format!("plan={payload}"),
        format!("Share={payload}"),
        format!(" share={payload}"),
        format!("{SHARE_PREFIX}{}", "A".repeat(MAX_SHARE_CHARS + 1)),
        format!("{SHARE_PREFIX}{}", "Q".repeat(MAX_SHARE_CHARS)),
        format!("{SHARE_PREFIX}{payload}{}", "A".repeat(MAX_SHARE_CHARS)),
        link_to(""),
        link_to("null"),
        link_to("[]"),
        link_to("{\"schema_version\":1,\"plan\":{}}"),
        link_to(&format!("x{}", encode_shared(&example()))),
    ] {
        assert_eq!(
            decode_fragment(&fragment, Lang::English),
            Err(ShareError::Damaged),
            "{fragment:?}"
        );
    }
}

#[test]
fn links_from_a_newer_version_say_so() {
    for version in [9, 99, u64::MAX] {
        let link = link_to(&format!(
            "{{\"schema_version\":{version},\"plan\":{{\"name\":\"from the future\"}}}}"
        ));
        assert_eq!(
            decode_fragment(&link, Lang::English),
            Err(ShareError::NewerVersion(version))
        );
    }
}

#[test]
fn every_problem_in_a_shared_plan_is_named() {
    let mut value: Value = serde_json::from_str(&encode_shared(&example())).expect("JSON");
    value["id"] = json!("p1");
    value["plan"]["goal"] = json!("profit");
    assert_eq!(
        decode_shared(&value.to_string()),
        Err(DecodeError::Damaged(vec![
            problem("id", Reason::UnknownField),
            problem("plan.goal", Reason::WrongType(Expected::GoalKind)),
        ]))
    );
    assert_eq!(
        decode_shared("{\"schema_version\":2}"),
        Err(DecodeError::Damaged(vec![problem("plan", Reason::Missing)]))
    );
    assert_eq!(
        decode_shared("{\"schema_version\":1,\"plan\":{}}"),
        Err(DecodeError::Damaged(vec![problem(
            "schema_version",
            Reason::UnknownVersion(1)
        )]))
    );
}

// ---------------------------------------------------------------------------------------------
// Truncations and substitutions

/// Decodes every proper prefix of `fragment`: none may open as a different plan. Returns how
/// many prefixes were tried and how many opened (as the same plan).
fn truncations(fragment: &str, draft: &PlanDraft) -> (usize, usize) {
    let mut opened = 0;
    for end in 0..fragment.len() {
        match decode_fragment(&fragment[..end], Lang::English) {
            Ok(decoded) => {
                assert_eq!(
                    &decoded, draft,
                    "a link cut to {end} characters opened another plan"
                );
                opened += 1;
            }
            Err(error) => assert_eq!(error, ShareError::Damaged, "cut to {end}"),
        }
    }
    (fragment.len(), opened)
}

#[test]
fn a_truncated_link_never_opens_as_another_plan() {
    let example_link = share_fragment(&example()).expect("fits in a link");
    let (tried, opened) = truncations(&example_link, &example());
    assert_eq!(tried, example_link.len());
    // None opens today; one that did would have to be the same plan (checked above), which
    // would be harmless.
    assert!(opened <= 2, "{opened} prefixes opened");

    let large_link = share_fragment(&large_plan()).expect("fits in a link");
    let (_, opened) = truncations(&large_link, &large_plan());
    assert!(opened <= 2, "{opened} prefixes opened");
}

/// The characters tried in place of the one at `at`: 8 of the alphabet (every one of the 64
/// that lz-string writes is tried somewhere along the link) and 4 it never writes.
fn replacements(at: usize) -> Vec<char> {
    let alphabet: Vec<char> = URI_ALPHABET.chars().take(64).collect();
    (0..8)
        .map(|k| alphabet[(at * 7 + k * 8) % 64])
        .chain([' ', '%', '$', '\u{e9}'])
        .collect()
}

#[test]
fn a_link_with_any_one_character_changed_never_panics() {
    let fragment = share_fragment(&example()).expect("fits in a link");
    let payload: Vec<char> = fragment[SHARE_PREFIX.len()..].chars().collect();
    let (mut tried, mut opened_same, mut opened_other) = (0, 0, 0);
    for at in 0..payload.len() {
        for replacement in replacements(at) {
            if replacement == payload[at] {
                continue;
            }
            let mut altered = payload.clone();
            altered[at] = replacement;
            let altered: String = altered.into_iter().collect();
            tried += 1;
            match decode_fragment(&format!("{SHARE_PREFIX}{altered}"), Lang::English) {
                Ok(decoded) if decoded == example() => opened_same += 1,
                Ok(_) => opened_other += 1,
                Err(_) => {}
            }
        }
    }
    assert!(tried > payload.len() * 11, "{tried}");
    // The checksum catches every change that would open as a different plan.
    assert_eq!(
        opened_other, 0,
        "{opened_same} same, {opened_other} other of {tried}"
    );
}

// ---------------------------------------------------------------------------------------------
// Hostile links

/// Writes lz-string's bit stream in its URI-safe form (6 bits a character, first bit highest).
#[derive(Default)]
struct Bits {
    values: Vec<u8>,
    current: u8,
    count: usize,
}

impl Bits {
    fn bit(&mut self, bit: bool) {
        self.current = (self.current << 1) | u8::from(bit);
        self.count += 1;
        if self.count == 6 {
            self.values.push(self.current);
            self.current = 0;
            self.count = 0;
        }
    }

    /// `width` bits of `value`, lowest first, as lz-string writes them.
    fn write(&mut self, width: u32, value: u32) {
        for shift in 0..width {
            self.bit((value >> shift) & 1 == 1);
        }
    }

    /// The characters the stream will take if `more` bits are written and it is finished.
    fn chars_with(&self, more: usize) -> usize {
        (self.values.len() * 6 + self.count + more).div_ceil(6) + 1
    }

    fn finish(mut self) -> String {
        while self.count != 0 {
            self.bit(false);
        }
        // The decoder reads one character past the last bit it needs.
        self.values.push(0);
        let alphabet = URI_ALPHABET.as_bytes();
        self.values
            .iter()
            .map(|&value| char::from(alphabet[usize::from(value)]))
            .collect()
    }
}

/// The link of at most `max_chars` characters (after the prefix) that decompresses to the most
/// text: each code repeats the previous string plus its first character, so the output grows
/// with the square of the link's length. Returns the link and the length of the text it expands
/// to, in UTF-16 units.
fn expanding_link(max_chars: usize) -> (String, u64) {
    let mut bits = Bits::default();
    bits.write(2, 0); // a one-byte character follows
    bits.write(8, u32::from(b'a'));
    let (mut dictionary, mut width, mut enlarge_in) = (4u32, 3u32, 4u32);
    let (mut previous, mut total) = (1u64, 1u64);
    // Room for this code and the closing code (one bit wider at most).
    while bits.chars_with(2 * width as usize + 1) <= max_chars {
        bits.write(width, dictionary); // "the previous string and its first character"
        dictionary += 1;
        previous += 1;
        total += previous;
        enlarge_in -= 1;
        if enlarge_in == 0 {
            enlarge_in = 1 << width;
            width += 1;
        }
    }
    bits.write(width, 2); // end of stream
    (format!("{SHARE_PREFIX}{}", bits.finish()), total)
}

#[test]
fn the_most_expanding_link_accepted_is_refused_in_bounded_work() {
    // The stream writer, checked on a small link: it opens as a run of `a`s of the length
    // expected.
    let (small, small_total) = expanding_link(20);
    let payload = &small[SHARE_PREFIX.len()..];
    let text = lz_str::decompress_from_encoded_uri_component(payload).expect("decompresses");
    assert_eq!(text.len() as u64, small_total);
    assert!(text.iter().all(|&unit| unit == u16::from(b'a')));

    let (link, total) = expanding_link(MAX_SHARE_CHARS);
    let length = link.len() - SHARE_PREFIX.len();
    assert!(
        (MAX_SHARE_CHARS - 3..=MAX_SHARE_CHARS).contains(&length),
        "{length}"
    );
    // About 8 million UTF-16 units (16 MB): the cap on the link's length bounds this.
    assert!(total < 10_000_000, "{total}");
    // A checksum is given so that the link is decompressed before it is refused.
    assert_eq!(
        decode_fragment(&format!("{link}.00000000"), Lang::English),
        Err(ShareError::Damaged)
    );
}

// ---------------------------------------------------------------------------------------------
// Properties

const SHARE_FIELDS: &[&str] = &[
    "schema_version",
    "plan",
    "name",
    "goal",
    "revenue_goal",
    "new_customers_goal",
    "average_revenue_per_customer",
    "stages",
    "current_top_per_month",
    "id",
    "rate_to_next",
    "marketing",
    "budget",
    "budget_period",
    "channels",
    "share",
    "spend",
    "revenue",
    "stage",
    "volume",
    "rate",
    "gross_margin",
    "lifetime",
    "rank_by",
    "move_percent",
    "annual",
    "forecast",
];

const SHARE_VALUES: &[&str] = &[
    "revenue",
    "new_customers",
    "",
    "50",
    "year",
    "month",
    "years",
    "churn",
    "cac",
    "stage:1",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any plan that fits in a link survives it: with or without `#`, with `$` and `+`
    /// percent-encoded, and the link holds only URL-safe characters.
    #[test]
    fn any_plan_round_trips_through_a_link(draft in any_draft()) {
        // The random plans come near the most a link can carry (12 channels and results full
        // of long random texts); one over it gets no link, which the page says.
        let Some(fragment) = share_fragment(&draft) else {
            let json = encode_shared(&draft);
            let length = lz_str::compress_to_encoded_uri_component(json.as_str()).len();
            prop_assert!(length > MAX_SHARE_CHARS, "no link for {} characters", length);
            return Ok(());
        };
        let payload = fragment.strip_prefix(SHARE_PREFIX).expect("the prefix");
        let (compressed, sum) = payload.rsplit_once('.').expect("a checksum");
        prop_assert!(compressed.chars().all(|c| URI_ALPHABET[..64].contains(c)), "{}", payload);
        prop_assert!(sum.len() == 8 && sum.chars().all(|c| c.is_ascii_hexdigit()), "{}", sum);
        prop_assert!(is_share_fragment(&fragment));
        // Opened in the language it was typed in, it is the same plan (with a currency if it
        // had none).
        let lang = draft.typed_in;
        let opened = draft.clone().settled(lang);
        prop_assert_eq!(decode_fragment(&fragment, lang), Ok(opened.clone()));
        prop_assert_eq!(decode_fragment(&format!("#{fragment}"), lang), Ok(opened.clone()));
        let encoded = fragment.replace('$', "%24").replace('+', "%2B");
        prop_assert_eq!(decode_fragment(&encoded, lang), Ok(opened));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Random link payloads are refused, never taken for a plan.
    #[test]
    fn random_payloads_are_refused(payload in "[A-Za-z0-9+$-]{1,400}") {
        prop_assert_eq!(
            decode_fragment(&format!("{SHARE_PREFIX}{payload}"), Lang::English),
            Err(ShareError::Damaged)
        );
    }

    /// Any fragment at all: no panic, and nothing but a real link opens.
    #[test]
    fn any_fragment_is_refused(fragment in "(?s)(#?share=)?.{0,200}") {
        prop_assert!(decode_fragment(&fragment, Lang::English).is_err());
    }

    /// Any JSON in a well-formed link: no panic, and the link opens exactly when its JSON reads
    /// as a shared plan.
    #[test]
    fn any_json_in_a_link_is_decoded_as_its_json(tree in json_tree(SHARE_FIELDS, SHARE_VALUES)) {
        let json = tree.to_string();
        let expected = match decode_shared(&json) {
            Ok(draft) => Ok(draft),
            Err(DecodeError::NewerVersion(version)) => Err(ShareError::NewerVersion(version)),
            Err(DecodeError::Damaged(_)) => Err(ShareError::Damaged),
        };
        prop_assert_eq!(decode_fragment(&link_to(&json), Lang::English), expected);
    }
}
