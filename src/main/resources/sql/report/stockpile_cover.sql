-- Report sheet "Stockpile cover": indicator.v_stockpile_cover, holdings against US net imports and consumption.
select
    s.commodity, s.as_of, s.quantity_t, s.days_of_net_imports, s.days_of_consumption, s.reference_year,
    s.reference_edition, s.net_imports_t, s.apparent_consumption_t
from indicator.v_stockpile_cover as s
order by s.commodity, s.as_of
