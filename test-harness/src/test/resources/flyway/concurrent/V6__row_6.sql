INSERT INTO counter (id) VALUES (6);
