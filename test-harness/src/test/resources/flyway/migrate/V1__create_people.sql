-- People and where they live.
CREATE TABLE person (
    id INT PRIMARY KEY,
    name VARCHAR(100) NOT NULL, -- the display name
    motto VARCHAR(200)
);

/* Addresses point at people; clean must cope with the foreign key.
   CREATE TABLE in a comment is not a statement; neither is this: ; */
CREATE TABLE address (
    id INT PRIMARY KEY,
    person_id INT NOT NULL REFERENCES person (id),
    city VARCHAR(50)
);

INSERT INTO person (id, name, motto) VALUES (1, 'Ada', 'first; then second');
INSERT INTO person (id, name, motto) VALUES (2, 'O''Brien', '-- not a comment /* nor this */ ;');
