/** Classes that keep (good) or break (bad) each of the Aula architecture rules, for the rules' own test. */
package archfixture;
