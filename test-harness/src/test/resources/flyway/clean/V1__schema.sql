CREATE TABLE parent (id INT PRIMARY KEY, name VARCHAR(20));
CREATE TABLE child (id INT PRIMARY KEY, parent_id INT REFERENCES parent (id), note VARCHAR(20));
CREATE UNIQUE INDEX child_note_idx ON child (note);
CREATE VIEW child_names AS SELECT c.note, p.name FROM child c JOIN parent p ON p.id = c.parent_id;
ALTER TABLE parent ADD CONSTRAINT parent_name_unique UNIQUE (name);
INSERT INTO parent VALUES (1, 'p');
INSERT INTO child VALUES (1, 1, 'c');
