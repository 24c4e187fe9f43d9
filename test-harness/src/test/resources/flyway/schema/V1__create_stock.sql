-- Unqualified names land in the schema Flyway makes current: the first of its configured schemas.
CREATE TABLE stock (id INT PRIMARY KEY, qty INT NOT NULL);
INSERT INTO stock VALUES (1, 5);
