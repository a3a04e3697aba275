//! Writing KPI figures for people: each kind in its unit (money, percent, multiple, months), and a
//! figure that cannot be computed as "—" with the reason.

use crate::i18n::Key;
use crate::model::channels::Report;
use crate::model::kpi::{Figure, Input, Kpis, Unavailable};
use crate::model::to_percent;
use crate::ui::text::{channel_label, exact, money, money_exact, percent, stage_label, t, tf};

/// How a figure is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Money in whole units: "1,980,000". Costs under 100 keep 2 decimals: "0.35".
    Money,
    /// A fraction written as a percent: 1.5 → "150%".
    Percent,
    /// A multiple: 2.5 → "2.5×".
    Multiple,
    /// A plain figure with up to 2 decimals (months).
    Plain,
}

/// `value` in `unit`.
pub fn format(value: f64, unit: Unit) -> String {
    match unit {
        Unit::Money if value.abs() < 100.0 => money_exact(value),
        Unit::Money => money(value),
        Unit::Percent => percent(to_percent(value)),
        Unit::Multiple => tf(Key::Multiple, &[("value", &exact(value))]),
        Unit::Plain => exact(value),
    }
}

/// A figure in `unit`, or "— (why)" when it cannot be computed.
pub fn figure(value: Figure, unit: Unit, stage_names: &[String]) -> String {
    match value {
        Ok(value) => format(value, unit),
        Err(reason) => tf(
            Key::Unavailable,
            &[("reason", &reason_text(reason, stage_names))],
        ),
    }
}

/// The cost per unit at `stage` of `kpis` in money: "0 Customers for 20,000" when spend above 0
/// brought nothing there, else the figure or why there is none.
pub fn cost_text(kpis: &Kpis, stage: usize, stage_names: &[String]) -> String {
    match kpis.spend_for_nothing(stage) {
        Some(spend) => tf(
            Key::NothingFor,
            &[
                ("stage", &stage_at(stage_names, stage)),
                ("spend", &format(spend, Unit::Money)),
            ],
        ),
        None => figure(kpis.cost_at(stage), Unit::Money, stage_names),
    }
}

/// Why a figure cannot be computed, in a few words: "no spend", "Leads is 0".
pub fn reason_text(reason: Unavailable, stage_names: &[String]) -> String {
    match reason {
        Unavailable::Missing(Input::ChannelRates) => t(Key::ReasonChannelRates).to_owned(),
        Unavailable::Missing(Input::Targets) => t(Key::ReasonTargets).to_owned(),
        Unavailable::Missing(input) => tf(
            Key::ReasonMissing,
            &[("input", &input_name(input, stage_names))],
        ),
        Unavailable::Zero(input) => tf(
            Key::ReasonZero,
            &[("input", &input_name(input, stage_names))],
        ),
        Unavailable::NewExceedEnd => t(Key::ReasonNewExceedEnd).to_owned(),
        Unavailable::KeptExceedStart => t(Key::ReasonKeptExceedStart).to_owned(),
        Unavailable::TooLarge => t(Key::ReasonTooLarge).to_owned(),
        Unavailable::MoreThanStageAbove(stage) => tf(
            Key::ReasonMoreThanStageAbove,
            &[
                ("stage", &stage_at(stage_names, stage)),
                ("above", &stage_at(stage_names, stage.saturating_sub(1))),
            ],
        ),
    }
}

/// An input's name inside a reason.
fn input_name(input: Input, stage_names: &[String]) -> String {
    let key = match input {
        Input::Volume(stage) => {
            let name = stage_names.get(stage).map_or("", String::as_str);
            return stage_label(name, stage);
        }
        Input::Spend => Key::InputSpend,
        Input::Revenue => Key::InputRevenue,
        Input::CustomersAtStart => Key::InputCustomersAtStart,
        Input::CustomersAtEnd => Key::InputCustomersAtEnd,
        Input::CustomersNew => Key::InputCustomersNew,
        Input::AverageRevenue => Key::InputAverageRevenue,
        Input::GrossMargin => Key::InputGrossMargin,
        Input::Lifetime => Key::InputLifetime,
        Input::LifetimeValue => Key::InputLifetimeValue,
        Input::Cac => Key::InputCac,
        Input::ChannelRates => Key::ReasonChannelRates,
        Input::Targets => Key::ReasonTargets,
    };
    t(key).to_owned()
}

/// The label of stage `index` among `stage_names` ("Stage N" while unnamed).
pub fn stage_at(stage_names: &[String], index: usize) -> String {
    stage_label(stage_names.get(index).map_or("", String::as_str), index)
}

/// The name of the channel at `index` in the report, as every table and sentence shows it (its
/// typed name, or "Channel 2" while it has none).
pub fn channel_name_at(report: &Report, index: usize) -> String {
    report
        .inputs
        .channels
        .get(index)
        .map(|channel| channel_label(&channel.name, index))
        .unwrap_or_default()
}

/// Every channel's name in the report, in order.
pub fn channel_names(report: &Report) -> Vec<String> {
    (0..report.inputs.channels.len())
        .map(|index| channel_name_at(report, index))
        .collect()
}
