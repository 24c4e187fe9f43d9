CREATE TABLE note (id INT PRIMARY KEY, body VARCHAR(40));
INSERT INTO note VALUES (1, 'still here');
