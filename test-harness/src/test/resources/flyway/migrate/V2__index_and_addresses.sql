CREATE INDEX person_name_idx ON person (name);
INSERT INTO address (id, person_id, city) VALUES (10, 1, 'London'), (11, 2, 'Cork');
UPDATE person SET motto = 'moved; twice' WHERE id = 1;
