-- The trade indicators read only the rows the HS map classifies (about 1 % of a BACI year): a partial index
-- lets them skip the other 99 % instead of scanning and ranking every trade row.
create index ix_trade_fact_critical on warehouse.trade_fact (source, commodity, year)
    where commodity is not null;
