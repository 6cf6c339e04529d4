-- Commodities World Mining Data reports that the shared vocabulary lacked (jobs/sources/wmd.yml maps
-- its sheets onto these codes). Lowercase snake_case English names, as in V3.

insert into ref.commodity (commodity_code, name, parent_code) values
    ('asbestos', 'Asbestos', null),
    ('bentonite', 'Bentonite', null),
    ('boron', 'Boron minerals', null),
    ('cadmium', 'Cadmium', null),
    ('diamond_gem', 'Diamonds, gem', null),
    ('diamond_industrial', 'Diamonds, industrial', null),
    ('diatomite', 'Diatomite', null),
    ('feldspar', 'Feldspar', null),
    ('gypsum', 'Gypsum and anhydrite', null),
    ('kaolin', 'Kaolin (china clay)', null),
    ('magnesite', 'Magnesite', null),
    ('mercury', 'Mercury', null),
    ('perlite', 'Perlite', null),
    ('phosphate_rock', 'Phosphate rock', null),
    ('potash', 'Potash', null),
    ('salt', 'Salt (rock, brines, marine)', null),
    ('selenium', 'Selenium', null),
    ('sulfur', 'Sulfur', null),
    ('talc', 'Talc, steatite and pyrophyllite', null),
    ('vermiculite', 'Vermiculite', null)
on conflict (commodity_code) do nothing;
