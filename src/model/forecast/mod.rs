//! Time and uncertainty: when the plan's volumes must happen (monthly phasing of the goal and the
//! time each stage takes), scenarios side by side, which rates matter most (headroom and a
//! tornado over ranges) and the odds of reaching the goal (a seeded Monte Carlo simulation).

pub mod draft;
pub mod odds;
pub mod pipeline;
pub mod scenarios;
pub mod sensitivity;
pub mod team;
pub mod timing;
