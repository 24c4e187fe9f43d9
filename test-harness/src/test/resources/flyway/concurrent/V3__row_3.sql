INSERT INTO counter (id) VALUES (3);
