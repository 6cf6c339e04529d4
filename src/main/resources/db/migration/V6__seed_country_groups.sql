-- Members of the country groups declared in V3 (countries exist since V4).
insert into ref.country_group_member (group_code, iso3) values ('china_mainland', 'CHN');

insert into ref.country_group_member (group_code, iso3)
select 'greater_china', iso3 from (values ('CHN'), ('HKG'), ('MAC')) as v (iso3);

insert into ref.country_group_member (group_code, iso3)
select 'eu27', iso3
from (values ('AUT'), ('BEL'), ('BGR'), ('HRV'), ('CYP'), ('CZE'), ('DNK'), ('EST'), ('FIN'), ('FRA'), ('DEU'),
             ('GRC'), ('HUN'), ('IRL'), ('ITA'), ('LVA'), ('LTU'), ('LUX'), ('MLT'), ('NLD'), ('POL'), ('PRT'),
             ('ROU'), ('SVK'), ('SVN'), ('ESP'), ('SWE')) as v (iso3);

-- Minerals Security Partnership members (2024): Australia, Canada, Estonia, Finland, France, Germany,
-- India, Italy, Japan, Norway, Republic of Korea, Sweden, United Kingdom, United States (+ the EU).
insert into ref.country_group_member (group_code, iso3)
select 'allied_bloc', iso3
from (values ('AUS'), ('CAN'), ('EST'), ('FIN'), ('FRA'), ('DEU'), ('IND'), ('ITA'), ('JPN'), ('NOR'), ('KOR'),
             ('SWE'), ('GBR'), ('USA')) as v (iso3);
