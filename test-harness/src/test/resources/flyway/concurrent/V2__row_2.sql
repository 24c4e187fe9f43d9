INSERT INTO counter (id) VALUES (2);
