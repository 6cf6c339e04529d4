-- Drops what an abandoned load (:load_id) wrote and never merged: its staged rows and its trade table. Its rejects
-- and ignored rows stay, as the record of what the abandoned load saw.

delete from staging.production_row where load_id = :load_id;

delete from staging.us_salient_row where load_id = :load_id;

delete from staging.baci_code_row where load_id = :load_id;

delete from staging.governance_indicator_row where load_id = :load_id;

delete from staging.stockpile_row where load_id = :load_id;

call warehouse.drop_trade_flow_table(:load_id);
