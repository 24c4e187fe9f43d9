-- Repeatable: replaced whenever this file changes.
CREATE OR REPLACE VIEW person_cities AS
    SELECT p.name, a.city FROM person p JOIN address a ON a.person_id = p.id;
