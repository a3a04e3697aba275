//! Typical conversion rates between funnel stages, as ranges from public benchmark reports, so
//! that a planned rate can be set beside what is usual: pointed out when outside, never refused.
//! Every range names its source and year; `docs/benchmarks.md` records each source, the figures
//! read in it and how a range was built from them.
//!
//! Where no public report gives a step by industry, the range is the one for all industries and
//! says so ([`Range::is_all_industries`]). Where no report worth citing gives a step at all (from
//! SQL to opportunity), there is no range: a made-up one would mislead.
//!
//! Units: rates are fractions (0.016 is 1.6 %).

/// The industries a person can pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Industry {
    /// B2B software and SaaS.
    Software,
    /// Professional and business services.
    ProfessionalServices,
    /// Manufacturing and industry.
    Manufacturing,
    /// Online shops and retail.
    Ecommerce,
    /// Banks, insurance and other financial services.
    FinancialServices,
    /// Healthcare, medical devices and life sciences.
    Healthcare,
    /// Any other industry: the ranges for all industries.
    Other,
}

impl Industry {
    /// Every industry, in the order a list shows them ("Other" last).
    pub const ALL: [Industry; 7] = [
        Industry::Software,
        Industry::ProfessionalServices,
        Industry::Manufacturing,
        Industry::Ecommerce,
        Industry::FinancialServices,
        Industry::Healthcare,
        Industry::Other,
    ];
}

/// A step of the standard funnel that benchmarks describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Website visitor (session) to lead.
    VisitToLead,
    /// Lead to marketing-qualified lead.
    LeadToMql,
    /// MQL to sales-qualified lead.
    MqlToSql,
    /// SQL to opportunity.
    SqlToOpportunity,
    /// Opportunity to customer (the close rate).
    OpportunityToCustomer,
}

impl Step {
    /// The five steps, top to bottom.
    pub const ALL: [Step; 5] = [
        Step::VisitToLead,
        Step::LeadToMql,
        Step::MqlToSql,
        Step::SqlToOpportunity,
        Step::OpportunityToCustomer,
    ];
}

/// A public report a range comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// Who published it.
    pub publisher: &'static str,
    /// Its title.
    pub title: &'static str,
    /// The year of its data or publication; `None` when the page carries no date.
    pub year: Option<u16>,
}

const FIRST_PAGE_SAGE: &[Source] = &[Source {
    publisher: "First Page Sage",
    title: "SEO vs. PPC Statistics: Conversion Rates Compared",
    year: Some(2024),
}];
const ABERDEEN: Source = Source {
    publisher: "Aberdeen Group",
    title: "Roadmap to Revenue (lead management study)",
    year: Some(2014),
};
const KLIPFOLIO: Source = Source {
    publisher: "Klipfolio MetricHQ",
    title: "MQL to SQL Conversion Rate",
    year: Some(2024),
};
const HUBSPOT: &[Source] = &[Source {
    publisher: "HubSpot",
    title: "Closing Ratio (glossary)",
    year: None,
}];

/// A typical range for one step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    /// The low end (fraction).
    pub low: f64,
    /// The high end (fraction).
    pub high: f64,
    /// Where it comes from (one report, or the two whose figures make its ends).
    pub sources: &'static [Source],
    /// True when the source gives this step for all industries only, not for the one picked.
    pub is_all_industries: bool,
}

/// Where a rate sits against a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Below,
    Within,
    Above,
}

impl Range {
    /// Where `rate` (fraction) sits: the ends count as within.
    pub fn position(&self, rate: f64) -> Position {
        if rate < self.low {
            Position::Below
        } else if rate > self.high {
            Position::Above
        } else {
            Position::Within
        }
    }
}

/// A range from percents.
const fn percents(
    low: f64,
    high: f64,
    sources: &'static [Source],
    is_all_industries: bool,
) -> Range {
    Range {
        low: low / 100.0,
        high: high / 100.0,
        sources,
        is_all_industries,
    }
}

/// The typical range of `step` in `industry`, if a public report gives one (see the module's
/// note and `docs/benchmarks.md`).
///
/// Example: from visitor to lead in B2B software, 1.0–2.1 % (First Page Sage, 2024).
pub fn range(step: Step, industry: Industry) -> Option<Range> {
    use Industry::*;
    let range = match step {
        // First Page Sage's table by industry: the low end is the paid-search average, the high
        // end the organic-search average (healthcare: medical devices, pharmaceuticals and
        // biotech; professional services: legal services, the only such row).
        Step::VisitToLead => match industry {
            Software => percents(1.0, 2.1, FIRST_PAGE_SAGE, false),
            ProfessionalServices => percents(2.2, 7.5, FIRST_PAGE_SAGE, false),
            Manufacturing => percents(0.9, 3.0, FIRST_PAGE_SAGE, false),
            Ecommerce => percents(1.3, 1.6, FIRST_PAGE_SAGE, false),
            FinancialServices => percents(0.3, 2.2, FIRST_PAGE_SAGE, false),
            Healthcare => percents(0.7, 3.1, FIRST_PAGE_SAGE, false),
            Other => percents(1.3, 2.4, FIRST_PAGE_SAGE, false),
        },
        // Aberdeen's laggards to best-in-class, all industries.
        Step::LeadToMql => percents(9.7, 35.6, &[ABERDEEN], industry != Other),
        // Klipfolio's benchmark (13 %) to Aberdeen's average (36 %), all industries.
        Step::MqlToSql => percents(13.0, 36.0, &[KLIPFOLIO, ABERDEEN], industry != Other),
        Step::SqlToOpportunity => return None,
        // HubSpot: "between 15-20%" for most successful sales teams, all industries (its close
        // rates by industry are single figures, not ranges).
        Step::OpportunityToCustomer => percents(15.0, 20.0, HUBSPOT, industry != Other),
    };
    Some(range)
}

/// Which step each of a funnel's rates is compared with by default, top to bottom: the standard
/// six stages (visits, leads, MQLs, SQLs, opportunities, customers) step by step; in any other
/// funnel only the top rate (from the visitors) and the bottom one (into customers), since the
/// stages between are the person's own. A two-stage funnel's one rate (visitors straight to
/// customers) is neither.
pub fn default_steps(stage_count: usize) -> Vec<Option<Step>> {
    let rates = stage_count.saturating_sub(1);
    if rates == Step::ALL.len() {
        return Step::ALL.iter().copied().map(Some).collect();
    }
    if rates < 2 {
        return vec![None; rates];
    }
    (0..rates)
        .map(|index| {
            if index == 0 {
                Some(Step::VisitToLead)
            } else if index + 1 == rates {
                Some(Step::OpportunityToCustomer)
            } else {
                None
            }
        })
        .collect()
}
