//! The marketing side as typed: channels are added (at most 12), removed and edited by id,
//! entries for a removed stage are forgotten, and `check` reads every field on its own: empty
//! means "not known" (no error), a bad value is named with its field and changes nothing else.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{example, example_with_channels};
use funnel_planner::model::marketing::{
    BudgetPeriod, ChannelDraft, ChannelInputs, Lifetime, LifetimeKind, MarketingInputs, RankBy,
    DEFAULT_MOVE_PERCENT, MAX_CHANNELS,
};
use funnel_planner::model::number::NumberSymbols;
use funnel_planner::model::{
    error_for, ChannelId, Field, FieldError, InputError, MarketingDraft, PlanDraft, Rate, Share,
    StageId,
};

const EN: NumberSymbols = NumberSymbols::ENGLISH;

/// A share of `fraction` (0.4 for 40 %).
fn part(fraction: f64) -> Share {
    Share::from_fraction(fraction)
}

/// The example's stages: 1 Visits, 2 Leads, 3 MQLs, 4 SQLs, 5 Opportunities, 6 Customers.
const STAGES: [StageId; 6] = [
    StageId(1),
    StageId(2),
    StageId(3),
    StageId(4),
    StageId(5),
    StageId(6),
];

fn ids(marketing: &MarketingDraft) -> Vec<u32> {
    marketing
        .channels
        .iter()
        .map(|channel| channel.id.0)
        .collect()
}

/// A marketing side with one channel, edited by `edit`.
fn one_channel(edit: impl FnOnce(&mut ChannelDraft)) -> MarketingDraft {
    let mut marketing = MarketingDraft::with_channels(&["Paid search"]);
    edit(&mut marketing.channels[0]);
    marketing
}

/// The first channel of what `check` read.
fn first(inputs: &MarketingInputs) -> &ChannelInputs {
    &inputs.channels[0]
}

/// Reads `marketing` for the example's stages and returns it with the error of `field`.
fn error_of(marketing: &MarketingDraft, field: Field) -> Option<InputError> {
    error_for(&marketing.check(&STAGES, EN).errors, field)
}

// ---------------------------------------------------------------------------------------------
// Editing channels

#[test]
fn a_new_marketing_side_is_empty_but_for_the_share_to_move() {
    let marketing = MarketingDraft::default();
    assert!(marketing.channels.is_empty());
    assert_eq!(marketing.budget, "");
    assert_eq!(marketing.budget_period, BudgetPeriod::Year);
    assert_eq!(marketing.lifetime_kind, LifetimeKind::Years);
    assert_eq!(marketing.rank_by, RankBy::Cac);
    assert_eq!(marketing.move_percent, DEFAULT_MOVE_PERCENT);
    assert_eq!(DEFAULT_MOVE_PERCENT, "20");
    // The example plan starts without channels.
    assert_eq!(example().marketing, marketing);
}

#[test]
fn the_usual_channels_are_added_empty_in_order() {
    let marketing = MarketingDraft::with_channels(&["Paid search", "Email", "Events"]);
    assert_eq!(ids(&marketing), [1, 2, 3]);
    let names: Vec<&str> = marketing.channels.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Paid search", "Email", "Events"]);
    for channel in &marketing.channels {
        assert_eq!(channel, &ChannelDraft::named(channel.id, &channel.name));
        assert_eq!((channel.share.as_str(), channel.spend.as_str()), ("", ""));
        assert!(channel.stages.is_empty());
    }
    assert_eq!(
        MarketingDraft::with_channels(&[]),
        MarketingDraft::default()
    );
}

#[test]
fn a_channel_added_gets_an_id_above_every_other() {
    let mut marketing = MarketingDraft::with_channels(&["A", "B", "C"]);
    marketing.remove_channel(ChannelId(2));
    assert_eq!(ids(&marketing), [1, 3]);
    assert_eq!(marketing.add_channel("D"), Some(ChannelId(4)));
    assert_eq!(ids(&marketing), [1, 3, 4]);
    // Ids name channels, not positions: after a reorder the next id is still above all.
    marketing.channels.reverse();
    assert_eq!(marketing.add_channel("E"), Some(ChannelId(5)));
    assert_eq!(ids(&marketing), [4, 3, 1, 5]);
    // An unknown id removes nothing.
    marketing.remove_channel(ChannelId(99));
    assert_eq!(ids(&marketing), [4, 3, 1, 5]);
}

#[test]
fn a_plan_has_at_most_twelve_channels() {
    assert_eq!(MAX_CHANNELS, 12);
    let mut marketing = MarketingDraft::default();
    for n in 1..=12 {
        assert!(marketing.can_add_channel());
        assert_eq!(marketing.add_channel(&format!("C{n}")), Some(ChannelId(n)));
    }
    assert!(!marketing.can_add_channel());
    assert_eq!(marketing.add_channel("Thirteenth"), None);
    assert_eq!(marketing.channels.len(), 12);
    // Removing one makes room again.
    marketing.remove_channel(ChannelId(5));
    assert!(marketing.can_add_channel());
    assert_eq!(marketing.add_channel("Twelfth again"), Some(ChannelId(13)));
    assert_eq!(marketing.channels.len(), 12);
}

#[test]
fn a_channel_is_found_and_edited_by_its_id() {
    let mut marketing = MarketingDraft::with_channels(&["Paid search", "Email"]);
    let email = marketing.channel_mut(ChannelId(2)).expect("Email exists");
    email.spend = "1,000".to_owned();
    email.name = "Newsletter".to_owned();
    let email = marketing.channel(ChannelId(2)).expect("Email exists");
    assert_eq!(
        (email.name.as_str(), email.spend.as_str()),
        ("Newsletter", "1,000")
    );
    assert_eq!(marketing.channels[0].spend, "");
    assert!(marketing.channel(ChannelId(3)).is_none());
    assert!(marketing.channel_mut(ChannelId(3)).is_none());
}

#[test]
fn a_stage_entry_is_created_once_when_typed_into() {
    let mut channel = ChannelDraft::named(ChannelId(1), "Paid search");
    // Nothing typed for a stage reads as empty.
    assert_eq!(channel.volume(StageId(1)), "");
    assert_eq!(channel.rate(StageId(1)), "");
    channel.stage_mut(StageId(1)).volume = "2,000".to_owned();
    channel.stage_mut(StageId(1)).rate = "3".to_owned();
    channel.stage_mut(StageId(6)).volume = "2".to_owned();
    assert_eq!(channel.stages.len(), 2);
    assert_eq!(channel.volume(StageId(1)), "2,000");
    assert_eq!(channel.rate(StageId(1)), "3");
    assert_eq!(channel.volume(StageId(6)), "2");
    assert_eq!(channel.rate(StageId(6)), "");
    assert_eq!(channel.volume(StageId(2)), "");
}

#[test]
fn removing_a_stage_forgets_what_every_channel_held_for_it() {
    let mut draft = example_with_channels();
    let leads = StageId(2);
    assert_eq!(draft.marketing.channels[1].volume(leads), "50");
    draft.remove_stage(leads).expect("six stages can lose one");
    for channel in &draft.marketing.channels {
        assert!(channel.stages.iter().all(|entry| entry.stage != leads));
        assert_eq!(channel.volume(leads), "");
    }
    // Every other entry stays.
    let paid_search = &draft.marketing.channels[0];
    assert_eq!(paid_search.volume(StageId(1)), "2,000");
    assert_eq!(paid_search.rate(StageId(1)), "3");
    assert_eq!(paid_search.volume(StageId(6)), "2");
    assert_eq!(draft.marketing.channels[2].volume(StageId(5)), "10");
}

#[test]
fn a_stage_that_cannot_be_removed_keeps_its_channel_entries() {
    let mut draft = example_with_channels();
    for stage in [1, 3, 4, 5] {
        draft
            .remove_stage(StageId(stage))
            .expect("more than 2 left");
    }
    let before = draft.marketing.clone();
    assert!(draft.remove_stage(StageId(2)).is_err());
    assert_eq!(draft.marketing, before);
    assert_eq!(draft.marketing.channels[2].volume(StageId(2)), "500");
}

// ---------------------------------------------------------------------------------------------
// Reading what was typed

#[test]
fn nothing_typed_reads_as_nothing_known_without_errors() {
    let marketing = MarketingDraft::with_channels(&["Paid search", "Email"]);
    let inputs = marketing.check(&STAGES, EN);
    assert!(inputs.errors.is_empty(), "{:?}", inputs.errors);
    assert_eq!(inputs.budget_per_year, None);
    assert_eq!(inputs.customers_at_start, None);
    assert_eq!(inputs.customers_at_end, None);
    assert_eq!(inputs.customers_new, None);
    assert_eq!(inputs.gross_margin, None);
    assert_eq!(inputs.lifetime, None);
    // The share to move starts at 20 %.
    assert_eq!(inputs.move_share, Some(part(0.2)));
    for channel in &inputs.channels {
        assert_eq!(
            (channel.share, channel.spend, channel.revenue),
            (None, None, None)
        );
        // One volume per stage, one rate per stage but the last.
        assert_eq!(channel.volumes, vec![None; 6]);
        assert_eq!(channel.rates, vec![None; 5]);
        assert!(!channel.has_bad_rate);
    }
    // Spaces only are nothing typed too.
    let marketing = MarketingDraft {
        budget: "   ".to_owned(),
        move_percent: String::new(),
        ..MarketingDraft::default()
    };
    let inputs = marketing.check(&STAGES, EN);
    assert!(inputs.errors.is_empty());
    assert_eq!((inputs.budget_per_year, inputs.move_share), (None, None));
}

#[test]
fn the_example_reads_in_full() {
    let draft = example_with_channels();
    let inputs = draft.marketing.check(&draft.stage_ids(), EN);
    assert!(inputs.errors.is_empty(), "{:?}", inputs.errors);
    // 5,000 a month × 12 = 60,000 a year.
    assert_eq!(inputs.budget_per_year, Some(60_000.0));
    assert_eq!(inputs.gross_margin, Some(part(0.6)));
    assert_eq!(inputs.lifetime, Some(Lifetime::Years(3.0)));
    assert_eq!(
        (
            inputs.customers_at_start,
            inputs.customers_at_end,
            inputs.customers_new
        ),
        (Some(200.0), Some(230.0), Some(50.0))
    );
    let paid_search = first(&inputs);
    assert_eq!(paid_search.id, ChannelId(1));
    assert_eq!(paid_search.name, "Paid search");
    assert_eq!(paid_search.share, Some(part(0.4)));
    assert_eq!(paid_search.spend, Some(6_000.0));
    assert_eq!(paid_search.revenue, Some(30_000.0));
    assert_eq!(
        paid_search.volumes,
        [Some(2_000.0), Some(60.0), None, None, Some(5.0), Some(2.0)]
    );
    let mut rates = vec![None; 5];
    rates[0] = Some(Rate::from_percent(3.0).expect("3 % is a rate"));
    assert_eq!(paid_search.rates, rates);
    assert_eq!(inputs.channels[1].share, None);
    assert_eq!(inputs.channels[2].spend, Some(20_000.0));
}

#[test]
fn the_budget_is_read_per_year() {
    let budget = |text: &str, period: BudgetPeriod| {
        let marketing = MarketingDraft {
            budget: text.to_owned(),
            budget_period: period,
            ..MarketingDraft::default()
        };
        marketing.check(&STAGES, EN).budget_per_year
    };
    assert_eq!(budget("60,000", BudgetPeriod::Year), Some(60_000.0));
    // 5,000 a month is 5,000 × 12 = 60,000 a year.
    assert_eq!(budget("5,000", BudgetPeriod::Month), Some(60_000.0));
    assert_eq!(budget("2,500.50", BudgetPeriod::Month), Some(30_006.0));
    // No budget at all is a budget of 0, not an error.
    assert_eq!(budget("0", BudgetPeriod::Year), Some(0.0));
    assert_eq!(budget("", BudgetPeriod::Month), None);

    let mut marketing = MarketingDraft {
        budget: "-100".to_owned(),
        ..MarketingDraft::default()
    };
    assert_eq!(
        error_of(&marketing, Field::Budget),
        Some(InputError::Negative)
    );
    marketing.budget = "five thousand".to_owned();
    assert_eq!(
        error_of(&marketing, Field::Budget),
        Some(InputError::NotANumber)
    );
    assert_eq!(marketing.check(&STAGES, EN).budget_per_year, None);
}

#[test]
fn each_bad_channel_field_is_named_and_the_rest_still_reads() {
    let marketing = one_channel(|channel| {
        channel.spend = "6,00".to_owned();
        channel.revenue = "-1".to_owned();
        channel.stage_mut(StageId(2)).volume = "sixty".to_owned();
        channel.stage_mut(StageId(6)).volume = "2".to_owned();
    });
    let id = ChannelId(1);
    let inputs = marketing.check(&STAGES, EN);
    assert_eq!(
        inputs.errors,
        [
            FieldError {
                field: Field::ChannelSpend(id),
                error: InputError::NotANumber,
            },
            FieldError {
                field: Field::ChannelRevenue(id),
                error: InputError::Negative,
            },
            FieldError {
                field: Field::ChannelVolume(id, StageId(2)),
                error: InputError::NotANumber,
            },
        ]
    );
    let channel = first(&inputs);
    assert_eq!((channel.spend, channel.revenue), (None, None));
    assert_eq!(channel.volumes[1], None);
    assert_eq!(channel.volumes[5], Some(2.0));
    // A volume of 0 is a fact, not a gap.
    let marketing = one_channel(|channel| channel.stage_mut(StageId(5)).volume = "0".to_owned());
    assert_eq!(first(&marketing.check(&STAGES, EN)).volumes[4], Some(0.0));
}

#[test]
fn a_share_is_a_percent_from_0_to_100() {
    let share = |text: &str| {
        let marketing = one_channel(|channel| channel.share = text.to_owned());
        let inputs = marketing.check(&STAGES, EN);
        (
            first(&inputs).share,
            error_for(&inputs.errors, Field::ChannelShare(ChannelId(1))),
        )
    };
    assert_eq!(share("40"), (Some(part(0.4)), None));
    assert_eq!(share("40 %"), (Some(part(0.4)), None));
    assert_eq!(share("12.5%"), (Some(part(0.125)), None));
    assert_eq!(share("0"), (Some(part(0.0)), None));
    assert_eq!(share("-0"), (Some(part(0.0)), None));
    assert_eq!(share("100"), (Some(part(1.0)), None));
    assert_eq!(share(""), (None, None));
    assert_eq!(share("100.01"), (None, Some(InputError::PercentOutOfRange)));
    assert_eq!(share("150"), (None, Some(InputError::PercentOutOfRange)));
    assert_eq!(share("-5"), (None, Some(InputError::PercentOutOfRange)));
    assert_eq!(share("forty"), (None, Some(InputError::NotANumber)));
}

#[test]
fn typed_shares_over_100_percent_are_named_on_the_share_list() {
    let with_shares = |shares: &[&str]| {
        let mut marketing = MarketingDraft::default();
        for (index, share) in shares.iter().enumerate() {
            let id = marketing
                .add_channel(&format!("Channel {index}"))
                .expect("room");
            marketing.channel_mut(id).expect("added").share = (*share).to_owned();
        }
        marketing
    };
    let over = with_shares(&["60", "41", ""]);
    assert_eq!(
        error_of(&over, Field::ChannelShares),
        Some(InputError::SharesOverFull)
    );
    // Each share is fine on its own and is still read.
    let inputs = over.check(&STAGES, EN);
    assert_eq!(inputs.errors.len(), 1);
    assert_eq!(inputs.channels[1].share, Some(part(0.41)));
    // Exactly full, full within rounding (33.33 + 33.33 + 33.34), or under: no error.
    for shares in [
        &["60", "40"][..],
        &["33.33", "33.33", "33.34"],
        &["30", "", ""],
        &["", ""],
    ] {
        assert_eq!(
            error_of(&with_shares(shares), Field::ChannelShares),
            None,
            "{shares:?}"
        );
    }
    // Six shares of 16.67 % add up to 100.02 %: each is 16.666… rounded to two decimals, so
    // the total is full within the rounding allowed (6 × 0.005 % = 0.03 %). 101 % is not.
    assert_eq!(
        error_of(&with_shares(&["16.67"; 6]), Field::ChannelShares),
        None
    );
    assert_eq!(
        error_of(&with_shares(&["50", "51"]), Field::ChannelShares),
        Some(InputError::SharesOverFull)
    );
    // Two shares may be over by at most 0.01 % (2 × 0.005 %): 100.01 % passes, 100.02 % not.
    assert_eq!(
        error_of(&with_shares(&["50", "50.01"]), Field::ChannelShares),
        None
    );
    assert_eq!(
        error_of(&with_shares(&["50.01", "50.01"]), Field::ChannelShares),
        Some(InputError::SharesOverFull)
    );
    // A share that cannot be read does not count towards the sum.
    assert_eq!(
        error_of(&with_shares(&["90", "200"]), Field::ChannelShares),
        None
    );
}

#[test]
fn own_rates_are_read_for_every_stage_but_the_last() {
    let id = ChannelId(1);
    let marketing = one_channel(|channel| {
        channel.stage_mut(StageId(1)).rate = "3".to_owned();
        channel.stage_mut(StageId(5)).rate = "62.5 %".to_owned();
        // The bottom stage has no next stage: whatever is typed there is not read.
        channel.stage_mut(StageId(6)).rate = "nonsense".to_owned();
        // Nor is an entry for a stage the funnel does not have.
        channel.stage_mut(StageId(9)).rate = "0".to_owned();
    });
    let inputs = marketing.check(&STAGES, EN);
    assert!(inputs.errors.is_empty(), "{:?}", inputs.errors);
    let channel = first(&inputs);
    assert_eq!(channel.rates.len(), 5);
    assert_eq!(channel.rates[0].map(Rate::fraction), Some(0.03));
    assert_eq!(channel.rates[4].map(Rate::fraction), Some(0.625));
    assert!(!channel.has_bad_rate);

    for (text, error) in [
        ("0", InputError::RateOutOfRange),
        ("100.5", InputError::RateOutOfRange),
        ("-3", InputError::RateOutOfRange),
        ("3,5", InputError::NotANumber),
    ] {
        let marketing = one_channel(|channel| channel.stage_mut(StageId(2)).rate = text.to_owned());
        let inputs = marketing.check(&STAGES, EN);
        assert_eq!(
            error_for(&inputs.errors, Field::ChannelRate(id, StageId(2))),
            Some(error),
            "{text}"
        );
        // The targets of a channel with a rate that cannot be read wait for it.
        assert_eq!(first(&inputs).rates[1], None);
        assert!(first(&inputs).has_bad_rate, "{text}");
    }
    // 100 % is a rate (everyone moves on); spaces are nothing typed.
    let marketing = one_channel(|channel| {
        channel.stage_mut(StageId(2)).rate = "100".to_owned();
        channel.stage_mut(StageId(3)).rate = "  ".to_owned();
    });
    let inputs = marketing.check(&STAGES, EN);
    assert_eq!(first(&inputs).rates[1].map(Rate::percent), Some(100.0));
    assert_eq!(first(&inputs).rates[2], None);
    assert!(!first(&inputs).has_bad_rate);
}

#[test]
fn a_channel_name_is_read_trimmed() {
    let marketing = one_channel(|channel| channel.name = "  Paid search \t".to_owned());
    assert_eq!(first(&marketing.check(&STAGES, EN)).name, "Paid search");
}

#[test]
fn the_lifetime_is_read_as_chosen() {
    let lifetime = |kind: LifetimeKind, years: &str, churn: &str| {
        let marketing = MarketingDraft {
            lifetime_kind: kind,
            lifetime_years: years.to_owned(),
            churn: churn.to_owned(),
            ..MarketingDraft::default()
        };
        let inputs = marketing.check(&STAGES, EN);
        (inputs.lifetime, inputs.errors)
    };
    let error = |field: Field, error: InputError| vec![FieldError { field, error }];
    assert_eq!(
        lifetime(LifetimeKind::Years, "3", "abc"),
        (Some(Lifetime::Years(3.0)), vec![])
    );
    assert_eq!(
        lifetime(LifetimeKind::Years, "2.5", ""),
        (Some(Lifetime::Years(2.5)), vec![])
    );
    // 25 % churn: a quarter of customers lost each year.
    assert_eq!(
        lifetime(LifetimeKind::Churn, "abc", "25"),
        (Some(Lifetime::Churn { churn: part(0.25) }), vec![])
    );
    assert_eq!(
        lifetime(LifetimeKind::Churn, "", "100 %"),
        (Some(Lifetime::Churn { churn: part(1.0) }), vec![])
    );
    // A lifetime of 0 years or a churn of 0 would make customers worth forever.
    assert_eq!(
        lifetime(LifetimeKind::Years, "0", ""),
        (None, error(Field::LifetimeYears, InputError::NotPositive))
    );
    assert_eq!(
        lifetime(LifetimeKind::Churn, "", "0"),
        (None, error(Field::Churn, InputError::RateOutOfRange))
    );
    assert_eq!(
        lifetime(LifetimeKind::Churn, "", "120"),
        (None, error(Field::Churn, InputError::RateOutOfRange))
    );
    assert_eq!(
        lifetime(LifetimeKind::Years, "three", ""),
        (None, error(Field::LifetimeYears, InputError::NotANumber))
    );
}

#[test]
fn margin_and_retention_counts_are_read_with_their_own_rules() {
    let mut marketing = MarketingDraft {
        gross_margin: "60 %".to_owned(),
        customers_at_start: "1,200".to_owned(),
        customers_at_end: "0".to_owned(),
        customers_new: "0".to_owned(),
        ..MarketingDraft::default()
    };
    let inputs = marketing.check(&STAGES, EN);
    assert!(inputs.errors.is_empty(), "{:?}", inputs.errors);
    assert_eq!(inputs.gross_margin, Some(part(0.6)));
    assert_eq!(inputs.customers_at_start, Some(1_200.0));
    assert_eq!(inputs.customers_at_end, Some(0.0));

    // A margin of 0 is possible; over 100 % is not.
    marketing.gross_margin = "0".to_owned();
    assert_eq!(marketing.check(&STAGES, EN).gross_margin, Some(part(0.0)));
    marketing.gross_margin = "101".to_owned();
    marketing.customers_at_start = "-1".to_owned();
    marketing.customers_at_end = "lots".to_owned();
    marketing.customers_new = "1,00".to_owned();
    let inputs = marketing.check(&STAGES, EN);
    assert_eq!(
        error_for(&inputs.errors, Field::GrossMargin),
        Some(InputError::PercentOutOfRange)
    );
    assert_eq!(
        error_for(&inputs.errors, Field::CustomersAtStart),
        Some(InputError::Negative)
    );
    assert_eq!(
        error_for(&inputs.errors, Field::CustomersAtEnd),
        Some(InputError::NotANumber)
    );
    assert_eq!(
        error_for(&inputs.errors, Field::CustomersNew),
        Some(InputError::NotANumber)
    );
    assert_eq!(inputs.errors.len(), 4);
}

#[test]
fn the_share_of_spend_to_move_is_a_rate() {
    let move_share = |text: &str| {
        let marketing = MarketingDraft {
            move_percent: text.to_owned(),
            ..MarketingDraft::default()
        };
        let inputs = marketing.check(&STAGES, EN);
        (
            inputs.move_share,
            error_for(&inputs.errors, Field::MovePercent),
        )
    };
    assert_eq!(move_share("20"), (Some(part(0.2)), None));
    assert_eq!(move_share("100 %"), (Some(part(1.0)), None));
    assert_eq!(move_share("12.5"), (Some(part(0.125)), None));
    assert_eq!(move_share(""), (None, None));
    // Moving nothing or more than all of it is not a move.
    assert_eq!(move_share("0"), (None, Some(InputError::RateOutOfRange)));
    assert_eq!(move_share("150"), (None, Some(InputError::RateOutOfRange)));
    assert_eq!(move_share("a fifth"), (None, Some(InputError::NotANumber)));
}

#[test]
fn stages_are_read_in_the_funnels_order_whatever_the_entries_order() {
    let mut draft = example_with_channels();
    // Move Opportunities up above Leads: the volumes follow the stages, not the entries.
    draft.move_stage(StageId(5), true);
    draft.move_stage(StageId(5), true);
    draft.move_stage(StageId(5), true);
    let stage_ids = draft.stage_ids();
    assert_eq!(
        stage_ids,
        [1, 5, 2, 3, 4, 6].map(StageId),
        "Opportunities moved under Visits"
    );
    let inputs = draft.marketing.check(&stage_ids, EN);
    assert_eq!(
        first(&inputs).volumes,
        [Some(2_000.0), Some(5.0), Some(60.0), None, None, Some(2.0)]
    );
}

#[test]
fn a_plan_draft_with_channels_is_a_plan_draft() {
    // The marketing side is part of the draft: it is compared and cloned with it.
    let draft = example_with_channels();
    let mut other: PlanDraft = draft.clone();
    assert_eq!(other, draft);
    other.marketing.channels[2].spend = "19,999".to_owned();
    assert_ne!(other, draft);
    // And it does not affect whether the plan itself is valid.
    assert!(draft.validate(EN).is_ok());
}

#[test]
fn clearing_a_typed_figure_gives_back_the_draft_as_it_was() {
    let before = one_channel(|_| {});
    let mut after = before.clone();
    if let Some(channel) = after.channels.first_mut() {
        channel.set_volume(StageId(2), "300".to_owned());
        channel.set_rate(StageId(1), "3".to_owned());
        assert_eq!(channel.volume(StageId(2)), "300");
        channel.set_volume(StageId(2), String::new());
        channel.set_rate(StageId(1), String::new());
    }
    assert_eq!(after, before, "no empty entry is left behind");
}

#[test]
fn removing_the_stage_channels_are_ranked_by_ranks_them_by_cac() {
    // Ranking by cost per SQL (stage 4); SQLs are removed, then a new stage is added, which
    // takes the id 7, not 4; but even an id reused later must not inherit the ranking.
    let mut draft = example();
    draft.marketing.rank_by = RankBy::StageCost(StageId(4));
    draft
        .remove_stage(StageId(4))
        .expect("6 stages, one may go");
    assert_eq!(draft.marketing.rank_by, RankBy::Cac);
    let mut other = example();
    other.marketing.rank_by = RankBy::StageCost(StageId(2));
    other
        .remove_stage(StageId(4))
        .expect("6 stages, one may go");
    assert_eq!(
        other.marketing.rank_by,
        RankBy::StageCost(StageId(2)),
        "another stage stays"
    );
}

#[test]
fn a_channel_name_used_twice_is_named_on_both_channels() {
    // Names are compared trimmed and without case; empty names ("Channel N" on the page) may
    // repeat. Both channels are flagged: the model cannot know which name was just typed, and
    // blaming only the one left alone would mislead.
    let mut marketing = MarketingDraft::with_channels(&["Email", "Paid search", "", ""]);
    if let Some(channel) = marketing.channel_mut(ChannelId(2)) {
        channel.name = " email ".to_owned();
    }
    let inputs = marketing.check(&STAGES, EN);
    let duplicate = |id: u32| FieldError {
        field: Field::ChannelName(ChannelId(id)),
        error: InputError::ChannelNameDuplicate,
    };
    assert_eq!(inputs.errors, vec![duplicate(1), duplicate(2)]);
    marketing.remove_channel(ChannelId(1));
    assert!(marketing.check(&STAGES, EN).errors.is_empty());
}

#[test]
fn a_channel_added_under_a_name_in_use_is_numbered_like_stages() {
    // "Add channel" twice gives "New channel" and "New channel 2", never two alike (an error
    // the person did not make); an empty name stays empty.
    let mut marketing = MarketingDraft::default();
    let first = marketing.add_channel("New channel").expect("room");
    let second = marketing.add_channel("New channel").expect("room");
    let third = marketing.add_channel("new CHANNEL").expect("room");
    let name = |id| marketing.channel(id).map(|channel| channel.name.clone());
    assert_eq!(name(first).as_deref(), Some("New channel"));
    assert_eq!(name(second).as_deref(), Some("New channel 2"));
    assert_eq!(name(third).as_deref(), Some("new CHANNEL 3"));
    assert!(marketing.check(&STAGES, EN).errors.is_empty());
    // The first name is free again once its channel is gone.
    marketing.remove_channel(first);
    let again = marketing.add_channel("New channel").expect("room");
    assert_eq!(
        marketing
            .channel(again)
            .map(|channel| channel.name.as_str()),
        Some("New channel")
    );
    let blank = marketing.add_channel("").expect("room");
    let blank_again = marketing.add_channel("").expect("room");
    for id in [blank, blank_again] {
        assert_eq!(
            marketing.channel(id).map(|channel| channel.name.as_str()),
            Some("")
        );
    }
}

#[test]
fn a_volume_above_the_stage_before_it_is_flagged_on_that_field() {
    // 5 customers from 2 opportunities: flagged on Customers (the later field), the figures kept.
    // 50 SQLs from 10 leads with MQLs empty: flagged on SQLs (the nearest volume above counts).
    let marketing = one_channel(|channel| {
        channel.stage_mut(StageId(2)).volume = "10".to_owned();
        channel.stage_mut(StageId(4)).volume = "50".to_owned();
        channel.stage_mut(StageId(5)).volume = "2".to_owned();
        channel.stage_mut(StageId(6)).volume = "5".to_owned();
    });
    let inputs = marketing.check(&STAGES, EN);
    let id = ChannelId(1);
    assert_eq!(
        inputs.errors,
        vec![
            FieldError {
                field: Field::ChannelVolume(id, StageId(4)),
                error: InputError::MoreThanStageAbove,
            },
            FieldError {
                field: Field::ChannelVolume(id, StageId(6)),
                error: InputError::MoreThanStageAbove,
            },
        ]
    );
    assert_eq!(
        inputs.channels[0].volumes,
        [None, Some(10.0), None, Some(50.0), Some(2.0), Some(5.0)]
    );
    // Equal volumes, or fewer, are fine.
    let fine = one_channel(|channel| {
        channel.stage_mut(StageId(5)).volume = "2".to_owned();
        channel.stage_mut(StageId(6)).volume = "2".to_owned();
    });
    assert!(fine.check(&STAGES, EN).errors.is_empty());
}

#[test]
fn typed_shares_leave_the_rest_to_the_channels_left_empty() {
    use funnel_planner::model::marketing::Shares;
    let read = |shares: &[&str]| {
        let mut marketing = MarketingDraft::default();
        for (index, share) in shares.iter().enumerate() {
            let id = marketing
                .add_channel(&format!("Channel {index}"))
                .expect("room");
            marketing.channel_mut(id).expect("added").share = (*share).to_owned();
        }
        Shares::of(&marketing.check(&STAGES, EN).channels)
    };
    // 40 % typed, two left empty: 60 % left, 30 % each.
    let shares = read(&["40", "", ""]);
    assert!((shares.typed.fraction() - 0.4).abs() < 1e-12);
    assert_eq!(shares.untyped, 2);
    assert!((shares.left().fraction() - 0.6).abs() < 1e-12);
    assert!((shares.even.fraction() - 0.3).abs() < 1e-12);
    assert!(!shares.is_over_full());
    // 70 + 50 = 120 %: nothing left for the empty one, and over full.
    let over = read(&["70", "50", ""]);
    assert_eq!((over.left(), over.even), (Share::NONE, Share::NONE));
    assert!(over.is_over_full());
    // Nothing typed: an even split of the whole goal.
    assert!((read(&["", "", "", ""]).even.fraction() - 0.25).abs() < 1e-12);
    // 33.3 + 33.3 + 33.4 = 100 % by hand, 1.0000000000000002 or 0.9999999999999999 in floats:
    // exactly nothing left, not "the remaining 0.000000000000011%".
    let whole = read(&["33.3", "33.3", "33.4", ""]);
    assert_eq!(whole.left(), Share::NONE);
}

#[test]
fn each_field_of_a_channel_names_its_channel_and_no_other_field_does() {
    let (channel, stage) = (ChannelId(7), StageId(2));
    for field in [
        Field::ChannelName(channel),
        Field::ChannelShare(channel),
        Field::ChannelSpend(channel),
        Field::ChannelRevenue(channel),
        Field::ChannelVolume(channel, stage),
        Field::ChannelRate(channel, stage),
    ] {
        assert_eq!(field.channel(), Some(channel), "{field:?}");
    }
    // The shares together belong to no one channel.
    for field in [
        Field::ChannelShares,
        Field::Budget,
        Field::StageRate(stage),
        Field::Churn,
    ] {
        assert_eq!(field.channel(), None, "{field:?}");
    }
}

#[test]
fn a_channel_field_keeps_and_gives_back_what_was_typed_in_it() {
    let (id, stage) = (ChannelId(1), StageId(2));
    let mut channel = ChannelDraft::named(id, "Email");
    for (field, text) in [
        (Field::ChannelName(id), "Newsletter"),
        (Field::ChannelShare(id), "40"),
        (Field::ChannelSpend(id), "1,200"),
        (Field::ChannelRevenue(id), "9,000"),
        (Field::ChannelVolume(id, stage), "350"),
        (Field::ChannelRate(id, stage), "12.5"),
    ] {
        channel.set_typed(field, text.to_owned());
        assert_eq!(channel.typed(field), text, "{field:?}");
    }
    assert_eq!(channel.name, "Newsletter");
    assert_eq!(
        (channel.share.as_str(), channel.spend.as_str()),
        ("40", "1,200")
    );
    assert_eq!(
        (channel.volume(stage), channel.rate(stage)),
        ("350", "12.5")
    );
    // Another stage has nothing typed; a field that is not a channel's changes nothing.
    assert_eq!(channel.typed(Field::ChannelVolume(id, StageId(3))), "");
    let before = channel.clone();
    channel.set_typed(Field::Budget, "5".to_owned());
    assert_eq!(channel, before);
    assert_eq!(channel.typed(Field::Budget), "");
    // Emptying the stage's two cells forgets the stage.
    channel.set_typed(Field::ChannelVolume(id, stage), String::new());
    channel.set_typed(Field::ChannelRate(id, stage), String::new());
    assert!(channel.stages.is_empty());
}
